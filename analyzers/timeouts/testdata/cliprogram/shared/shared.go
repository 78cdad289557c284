// Package shared is imported by both programs: the server's makes its
// client a finding. A client its author accepted with a directive stays
// silent in every program.
package shared

import "net/http"

// Fetch gets a URL through the default client.
func Fetch(url string) (*http.Response, error) {
	return http.Get(url) // want `http.Get sends the request through http.DefaultClient`
}

// Probe gets a URL through the default client, accepted.
func Probe(url string) (*http.Response, error) {
	//perfvet:ignore timeouts the caller's context bounds it
	return http.Get(url)
}
