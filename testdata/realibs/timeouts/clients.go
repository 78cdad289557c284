package timeouts

import (
	"context"
	"crypto/tls"
	"net"
	"net/http"
	"net/url"
	"time"
)

// ---- an http.Client with no Timeout ----

var bareClient = &http.Client{} // want `http.Client has no Timeout; a server that stops answering holds the calling goroutine and its connection forever; set Timeout \(the plan's request_timeout is 30s\)`

var boundedClient = &http.Client{Timeout: 5 * time.Second}

// feedClient's 20 seconds outlast the plan's query_timeout: a request
// through it goes on that long after the client of the request has gone.
var feedClient = &http.Client{Timeout: 20 * time.Second}

func transportOnlyClient() *http.Client {
	return &http.Client{Transport: &http.Transport{TLSHandshakeTimeout: 5 * time.Second}} // want `http.Client has no Timeout`
}

func transportAndTimeoutClient() *http.Client {
	return &http.Client{Transport: &http.Transport{TLSHandshakeTimeout: 5 * time.Second}, Timeout: 10 * time.Second}
}

// zeroTimeoutClient writes Timeout: 0 itself: no deadline, on purpose.
func zeroTimeoutClient() *http.Client {
	return &http.Client{Timeout: 0}
}

func timeoutAfterLiteral() *http.Client {
	c := &http.Client{Transport: http.DefaultTransport}
	c.Timeout = 10 * time.Second
	return c
}

func newBuiltinClient() *http.Client {
	return new(http.Client) // want `http.Client has no Timeout`
}

func newBuiltinClientTimeoutLater() *http.Client {
	c := new(http.Client)
	c.Timeout = 10 * time.Second
	return c
}

func valueClient() (*http.Response, error) {
	c := http.Client{} // want `http.Client has no Timeout`
	return c.Get("https://example.com")
}

func valueClientTimeoutLater() (*http.Response, error) {
	c := http.Client{}
	c.Timeout = 3 * time.Second
	return c.Get("https://example.com")
}

// ---- http.Get & co. and http.DefaultClient ----

func defaultClientFuncs() {
	_, _ = http.Get("https://example.com")                                    // want `http.Get sends the request through http.DefaultClient, which has no timeout; a server that stops answering holds this goroutine and its connection forever; use an http.Client with Timeout set \(the plan allows 30s\)`
	_, _ = http.Head("https://example.com")                                   // want `http.Head sends the request through http.DefaultClient`
	_, _ = http.Post("https://example.com", "application/json", nil)          // want `http.Post sends the request through http.DefaultClient`
	_, _ = http.PostForm("https://example.com", url.Values{"q": {"perfvet"}}) // want `http.PostForm sends the request through http.DefaultClient`
}

func boundedClientFuncs() {
	_, _ = boundedClient.Get("https://example.com")
	_, _ = boundedClient.Head("https://example.com")
	_, _ = boundedClient.Post("https://example.com", "application/json", nil)
	_, _ = boundedClient.PostForm("https://example.com", url.Values{"q": {"perfvet"}})
}

func defaultClientDo() error {
	req, err := http.NewRequest(http.MethodGet, "https://example.com", nil)
	if err != nil {
		return err
	}
	resp, err := http.DefaultClient.Do(req) // want `http.DefaultClient.Do has no timeout; a server that stops answering holds this goroutine and its connection forever; use an http.Client with Timeout set, or a request whose context has a deadline`
	if err != nil {
		return err
	}
	return resp.Body.Close()
}

// The caller's context bounds a request made with it (the caller's own
// request ends when its client leaves); the twin above has no context.
func defaultClientDoCallerContext(ctx context.Context) error {
	req, err := http.NewRequestWithContext(ctx, http.MethodGet, "https://example.com", nil)
	if err != nil {
		return err
	}
	resp, err := http.DefaultClient.Do(req)
	if err != nil {
		return err
	}
	return resp.Body.Close()
}

func defaultClientDoWithDeadline(ctx context.Context) error {
	ctx, cancel := context.WithTimeout(ctx, 5*time.Second)
	defer cancel()
	req, err := http.NewRequestWithContext(ctx, http.MethodGet, "https://example.com", nil)
	if err != nil {
		return err
	}
	resp, err := http.DefaultClient.Do(req)
	if err != nil {
		return err
	}
	return resp.Body.Close()
}

func defaultClientGet() (*http.Response, error) {
	return http.DefaultClient.Get("https://example.com") // want `http.DefaultClient.Get has no timeout`
}

func defaultClientRef() *http.Client {
	return http.DefaultClient // want `http.DefaultClient has no timeout; a server that stops answering holds the calling goroutine and its connection forever; use an http.Client with Timeout set`
}

func boundedClientRef() *http.Client {
	return boundedClient
}

// ---- dials ----

func dials() {
	_, _ = net.Dial("tcp", "example.com:80")                                             // want `net.Dial has no timeout; dialing an unreachable host blocks this goroutine until the operating system gives up, minutes later; use net.DialTimeout, or a net.Dialer with Timeout`
	_, _ = tls.Dial("tcp", "example.com:443", &tls.Config{MinVersion: tls.VersionTLS12}) // want `tls.Dial has no timeout; .*; use tls.DialWithDialer with a net.Dialer that sets Timeout, or a tls.Dialer`
}

func dialsBounded() {
	_, _ = net.DialTimeout("tcp", "example.com:80", 3*time.Second)
	_, _ = tls.DialWithDialer(&net.Dialer{Timeout: 3 * time.Second}, "tcp", "example.com:443", &tls.Config{MinVersion: tls.VersionTLS12})
}

func dialerWithoutTimeout() {
	d := net.Dialer{KeepAlive: 30 * time.Second}
	_, _ = d.Dial("tcp", "example.com:80")                                                                        // want `\(\*net.Dialer\).Dial uses a net.Dialer with no Timeout; dialing an unreachable host blocks this goroutine until the operating system gives up, minutes later; set the Dialer's Timeout`
	_, _ = tls.DialWithDialer(&net.Dialer{}, "tcp", "example.com:443", &tls.Config{MinVersion: tls.VersionTLS12}) // want `tls.DialWithDialer uses a net.Dialer with no Timeout`
}

func dialerWithTimeout() {
	d := net.Dialer{KeepAlive: 30 * time.Second, Timeout: 3 * time.Second}
	_, _ = d.Dial("tcp", "example.com:80")
	d2 := net.Dialer{}
	d2.Deadline = time.Now().Add(3 * time.Second)
	_, _ = d2.Dial("tcp", "example.com:80")
}

func dialerContext(ctx context.Context) (net.Conn, error) {
	// Bounded by the caller's context.
	return (&net.Dialer{}).DialContext(ctx, "tcp", "example.com:80")
}
