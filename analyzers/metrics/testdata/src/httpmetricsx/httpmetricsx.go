// want package:`metrics\(\)`

// Package httpmetricsx is ory/x's prometheusx: request metrics whose names
// are built from the caller's prefix, labelled by code, method and
// endpoint.
package httpmetricsx

import "github.com/prometheus/client_golang/prometheus"

// HTTPMetrics holds the request metrics.
type HTTPMetrics struct {
	Duration *prometheus.HistogramVec
}

// New defines the metrics under prefix.
func New(prefix string) *HTTPMetrics {
	return &HTTPMetrics{
		Duration: prometheus.NewHistogramVec(prometheus.HistogramOpts{Name: prefix + "requests_duration_seconds"}, []string{"code", "method", "endpoint"}),
	}
}
