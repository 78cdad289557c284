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

// doer is what a retrying wrapper sends through: an *http.Client, or the
// caller's own.
type doer interface {
	Do(*http.Request) (*http.Response, error)
}

type retrying struct{ inner doer }

// NewRetrying takes the caller's doer and falls back to a client of its
// own when given none (hatchet's retry.NewRestDoer): the caller chooses.
func NewRetrying(inner doer) *retrying {
	if inner == nil {
		inner = &http.Client{}
	}
	return &retrying{inner: inner}
}

// NewRetryingAlways is the twin: it ignores what it is given.
func NewRetryingAlways(inner doer) *retrying {
	r := &retrying{inner: inner}
	r.inner = &http.Client{} // want `^http.Client has no Timeout`
	return r
}

func (r *retrying) Do(req *http.Request) (*http.Response, error) { return r.inner.Do(req) }

// RPCOptions lets the caller give the client (autobrr's jsonrpc
// ClientOpts).
type RPCOptions struct {
	HTTPClient *http.Client
}

type rpcClient struct{ httpClient *http.Client }

// NewRPCClient starts from a client of its own and takes the caller's
// when given: the default is the SDK's, a caller that needs a timeout
// passes a client.
func NewRPCClient(opts *RPCOptions) *rpcClient {
	c := &rpcClient{httpClient: &http.Client{}}
	if opts != nil && opts.HTTPClient != nil {
		c.httpClient = opts.HTTPClient
	}
	return c
}

type feedClient struct{ httpClient *http.Client }

// NewFeedClient is the twin: no caller can give it a client.
func NewFeedClient(opts *RPCOptions) *feedClient {
	_ = opts
	return &feedClient{httpClient: &http.Client{}} // want `^http.Client has no Timeout`
}

func (c *rpcClient) Get(url string) (*http.Response, error) { // want Get:`io\(detached: HTTP request via \(\*http.Client\).Get\)`
	return c.httpClient.Get(url)
}

func (c *feedClient) Get(url string) (*http.Response, error) { // want Get:`io\(detached: HTTP request via \(\*http.Client\).Get\)`
	return c.httpClient.Get(url)
}

type idProvider struct{ Client *http.Client }

// NewIDProvider is the second twin (casdoor's WeChat mini-program
// provider): a setter could replace its client, but the program may
// build the provider and never call it.
func NewIDProvider() *idProvider {
	p := &idProvider{}
	p.Client = &http.Client{} // want `^http.Client has no Timeout`
	return p
}

func (p *idProvider) SetHTTPClient(c *http.Client) { p.Client = c }

func (p *idProvider) Session(url string) (*http.Response, error) { // want Session:`io\(detached: HTTP request via \(\*http.Client\).Get\)`
	return p.Client.Get(url)
}
