// Package metrics is a stub of github.com/docker/go-metrics (v0.0.1),
// Docker's wrapper of the Prometheus client: Handler is promhttp's.
package metrics

import (
	"net/http"

	"github.com/prometheus/client_golang/prometheus/promhttp"
)

// Handler returns the Prometheus scrape handler.
func Handler() http.Handler { return promhttp.Handler() }
