// Package suppress exercises //perfvet:ignore.
package suppress

import "net/http"

// Fetch is suppressed with a reason.
func Fetch() {
	//perfvet:ignore timeouts the URL is a sidecar of the pod that always answers
	_, _ = http.Get("http://sidecar.internal:9000/health")
	_, _ = http.Get("http://sidecar.internal:9000/ready") //perfvet:ignore timeouts same sidecar
}

// NoReason has a directive without a reason: it suppresses nothing.
func NoReason() {
	//perfvet:ignore timeouts
	_, _ = http.Get("http://example.com")
}

// Unused has a directive with nothing to suppress.
func Unused() int {
	//perfvet:ignore timeouts nothing here needs it
	return 1
}

// Unknown names an analyzer that does not exist.
func Unknown() {
	//perfvet:ignore timeouts,speed because
	_, _ = http.Get("http://example.com/x")
}
