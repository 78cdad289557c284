// Package names holds the metric names a service shares between its
// packages.
package names

// The parts of the request metrics' names.
const (
	Namespace       = "http"
	RequestDuration = "request_duration_seconds"
	Requests        = "requests_total"
	Errors          = Namespace + "_errors"
)
