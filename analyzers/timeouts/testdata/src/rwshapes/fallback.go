package rwshapes

import "net/http"

type agentTransport struct{ base http.RoundTripper }

func (t agentTransport) RoundTrip(r *http.Request) (*http.Response, error) {
	return t.base.RoundTrip(r)
}

// WrapClient decorates the caller's client; with none given it makes one
// (woodpecker's httputil.WrapClient): the caller chooses the client.
func WrapClient(client *http.Client) *http.Client {
	if client == nil {
		client = &http.Client{}
	}
	client.Transport = agentTransport{base: client.Transport}
	return client
}

// NewClient is the twin: it always makes its own client, with no Timeout.
func NewClient(name string) *http.Client { // want NewClient:`io\(returns an unbounded client\)`
	client := &http.Client{} // want `^http.Client has no Timeout`
	if name != "" {
		client.Transport = agentTransport{base: http.DefaultTransport}
	}
	return client
}
