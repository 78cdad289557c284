package minmax // want package:`metrics\(http_request_duration_seconds:histogram\{method,path,status\}\)`

// This package holds the running minimum and maximum of Go 1.21's min
// and max around the values metrics follows (bucket boundaries), with and
// without the phi that feeds max back into itself: a shape that once sent
// a tracer into unbounded recursion.

import (
	"github.com/prometheus/client_golang/prometheus"
	"github.com/prometheus/client_golang/prometheus/promauto"
)

// growing builds boundaries with a running maximum: not a constant list,
// so its boundaries are unknown and nothing is said about them.
func growing(n int) []float64 {
	var out []float64
	mx := 0.0
	for i := range n {
		value := float64(i) / 10
		if mx == 0 {
			mx = value
		} else if value > 0 {
			mx = max(mx, value)
		}
		out = append(out, mx)
	}
	return out
}

var dynamic = promauto.NewHistogramVec(prometheus.HistogramOpts{
	Name:    "http_request_duration_seconds",
	Buckets: growing(10),
}, []string{"method", "path", "status"})

// folded's boundaries are constants that min and max fold, and 0.5 is
// missing.
var folded = promauto.NewHistogramVec(prometheus.HistogramOpts{
	Name:    "http_request_duration_seconds",
	Buckets: []float64{min(0.01, 0.05), max(0.05, 0.1), 0.25, 1, 2.5, 5, 10}, // want `^http_request_duration_seconds cannot show whether the latency objectives hold: its buckets have no boundary at 0.5 \(p95 500ms\);`
}, []string{"method", "path", "status"})

// complete's folded boundaries hold every threshold.
var complete = promauto.NewHistogramVec(prometheus.HistogramOpts{
	Name:    "http_request_duration_seconds",
	Buckets: []float64{min(0.01, 0.05), 0.05, max(0.05, 0.1), 0.25, 0.5, 1, 2.5, 5, 10},
}, []string{"method", "path", "status"})

var _, _, _ = dynamic, folded, complete
