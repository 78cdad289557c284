package api

import (
	"net/http"
	"time"
)

// Upstream calls the billing service: 20s is within the default plan's
// request_timeout (30s), not within a plan that allows 10s.
var Upstream = &http.Client{Timeout: 20 * time.Second}
