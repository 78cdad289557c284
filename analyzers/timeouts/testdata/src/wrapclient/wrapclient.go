// Package wrapclient wraps *http.Client in types of its own whose
// constructors give it a constant Timeout (portainer's client.HTTPClient,
// five seconds): facts carry each field's Timeout to the packages that
// send through it.
package wrapclient

import (
	"net/http"
	"time"
)

const defaultTimeout = 5

// HTTPClient embeds a client with a five-second Timeout.
type HTTPClient struct {
	*http.Client // want Client:`clientField\(timeout=5s\)`
}

func NewHTTPClient() *HTTPClient {
	return &HTTPClient{&http.Client{Timeout: time.Second * time.Duration(defaultTimeout)}}
}

// Slow holds a client whose minute outlives the plan's query_timeout.
type Slow struct {
	HTTP *http.Client // want HTTP:`clientField\(timeout=1m0s\)`
}

func NewSlow() *Slow { return &Slow{HTTP: &http.Client{Timeout: time.Minute}} }

// Mixed is set to a bounded client by one constructor and to one
// configured at run time by the other: no fact.
type Mixed struct {
	HTTP *http.Client
}

func NewMixed() *Mixed { return &Mixed{HTTP: &http.Client{Timeout: time.Second}} }

func NewMixedWith(d time.Duration) *Mixed { return &Mixed{HTTP: &http.Client{Timeout: d}} }
