// Package planoff is analysed with a plan whose limits are zero: the
// plan's bounds are not checked, the rest still is.
package planoff

import (
	"context"
	"net/http"
	"time"
)

var slow = &http.Client{Timeout: time.Hour}

func contexts(ctx context.Context) {
	c, cancel := context.WithTimeout(ctx, 24*time.Hour)
	defer cancel()
	_ = c
	_, _ = http.Get("http://example.com") // want `http.Get sends the request`
}
