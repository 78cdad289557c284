// Package policy is a stub of the Azure SDK's azcore/policy: the options
// every Azure client takes, whose Transport sends the SDK's requests
// (each call of the SDK takes a context.Context).
package policy

import "net/http"

// Transporter sends an HTTP request: *http.Client implements it.
type Transporter interface {
	Do(req *http.Request) (*http.Response, error)
}

// ClientOptions are the options of an Azure client.
type ClientOptions struct {
	// Transport sets the transport for HTTP requests.
	Transport Transporter
}
