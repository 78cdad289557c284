// Package defaultbare is defaultset's twin: it replaces http.DefaultClient
// with a client that has no Timeout. The assignment is not reported; the
// requests through the default client are.
package defaultbare

import "net/http"

func init() {
	http.DefaultClient = &http.Client{Transport: http.DefaultTransport} // want `http.Client has no Timeout`
}

func get() {
	_, _ = http.Get("http://example.com") // want `http.Get sends the request through http.DefaultClient`
}
