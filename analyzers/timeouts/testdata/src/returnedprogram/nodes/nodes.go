// Package nodes builds the clients a panel uses to reach its nodes
// (3x-ui's runtime.HTTPClientForNode). None of them has a Timeout; what
// bounds them is the deadline of each request sent through them, here
// and in the packages that call the exported constructors.
package nodes

import (
	"context"
	"net/http"
	"sync"
	"time"
)

// sharedClient pools connections across nodes.
var sharedClient = &http.Client{
	Transport: &http.Transport{MaxIdleConnsPerHost: 4},
}

// ClientFor's clients are bounded: every call, here and in the packages
// that call it (service), sends requests with a deadline or its caller's
// context.
func ClientFor(mtls bool) *http.Client {
	if !mtls {
		return sharedClient
	}
	return &http.Client{Transport: &http.Transport{MaxIdleConnsPerHost: 4}}
}

// LegacyClient's client is sent, by the legacy package, a request with
// no context at all: the program's callers decide, and one of them does
// not bound it.
func LegacyClient() *http.Client {
	return &http.Client{} // want `http.Client has no Timeout`
}

// UnusedClient is called by no package of the program: dead code.
func UnusedClient() *http.Client {
	return &http.Client{}
}

// Remote caches the client of one node, built on first use.
type Remote struct {
	once   sync.Once
	client *http.Client
	url    string
}

func (r *Remote) httpClient() *http.Client {
	r.once.Do(func() { r.client = ClientFor(true) })
	return r.client
}

// Status runs under a deadline of its own.
func (r *Remote) Status(ctx context.Context) error {
	ctx, cancel := context.WithTimeout(ctx, 10*time.Second)
	defer cancel()
	req, err := http.NewRequestWithContext(ctx, http.MethodGet, r.url+"/status", nil)
	if err != nil {
		return err
	}
	resp, err := r.httpClient().Do(req)
	if err != nil {
		return err
	}
	return resp.Body.Close()
}

// Probe is the twin of Remote: its getter's client is sent a request
// with no context, and its constructor is reported where it is.
type Probe struct {
	client *http.Client
	url    string
}

func (p *Probe) httpClient() *http.Client {
	if p.client == nil {
		p.client = &http.Client{} // want `http.Client has no Timeout`
	}
	return p.client
}

func (p *Probe) Ping() error {
	req, err := http.NewRequest(http.MethodGet, p.url+"/ping", nil)
	if err != nil {
		return err
	}
	resp, err := p.httpClient().Do(req)
	if err != nil {
		return err
	}
	return resp.Body.Close()
}

// ValidateLicense is called by the service: its client is reported.
func ValidateLicense(key string) error {
	client := &http.Client{} // want `http.Client has no Timeout`
	req, err := http.NewRequest(http.MethodPost, "https://licenses.example/validate?key="+key, nil)
	if err != nil {
		return err
	}
	resp, err := client.Do(req)
	if err != nil {
		return err
	}
	return resp.Body.Close()
}

// ActivateLicense is its twin that only its tests call (slash's
// ActiveLicenseKey): the program never runs it.
func ActivateLicense(key string) error {
	client := &http.Client{}
	req, err := http.NewRequest(http.MethodPost, "https://licenses.example/activate?key="+key, nil)
	if err != nil {
		return err
	}
	resp, err := client.Do(req)
	if err != nil {
		return err
	}
	return resp.Body.Close()
}

// ReadyClient's client is sent requests with no context only by a
// command's body (mailpit's readyz command and its healthcheck client):
// an operator runs it at a terminal.
func ReadyClient() *http.Client {
	return &http.Client{}
}

// ToolClient's client is sent a request with no context by relay, a
// package that serves nothing, which only a command-line program that
// serves nothing imports: its user watches it (held.go), not reported.
func ToolClient() *http.Client {
	return &http.Client{}
}
