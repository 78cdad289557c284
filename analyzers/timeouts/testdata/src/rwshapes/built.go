// want package:`causes\(rwshapes \(\*rwshapes.Archiver\).download, rwshapes rwshapes.applySlow, rwshapes rwshapes.downloadBounded, rwshapes rwshapes.fetchFeed, rwshapes rwshapes.fetchViaBuilder, rwshapes rwshapes.publicIP, rwshapes rwshapes.resetQuotaVia, rwshapes rwshapes.sendPush, rwshapes rwshapes.sendViaProxy, rwshapes rwshapes.trySlowFavicon\)`

// Package rwshapes holds shapes of real services (bench/realworld) that
// timeouts judged wrongly, each with its twin.
package rwshapes

import (
	"context"
	"io"
	"net/http"
	"net/url"
	"strings"
)

var hc = &http.Client{Timeout: 20e9}

// fromPush turns a push message into a request that the program's own
// handler serves (ntfy's newRequestFromMatrixJSON): the request is built,
// configured and returned, never sent: no outbound work.
func fromPush(r *http.Request, body string) (*http.Request, error) {
	req, err := http.NewRequest(http.MethodPost, "/topic", io.NopCloser(strings.NewReader(body)))
	if err != nil {
		return nil, err
	}
	req.RemoteAddr = r.RemoteAddr
	req.Header.Set("X-Forwarded-For", r.Header.Get("X-Forwarded-For"))
	return withValue(req), nil
}

type ctxKey struct{}

func withValue(r *http.Request) *http.Request {
	return r.WithContext(context.WithValue(r.Context(), ctxKey{}, "push"))
}

// fetchFeed is the twin: it builds the request and sends it, with no
// context, from a request path.
func fetchFeed(url string) error { // want `^rwshapes.fetchFeed runs an HTTP request with no context \(http.NewRequest at built.go:\d+\); 1 request path reaches it`
	req, err := http.NewRequest(http.MethodGet, url, nil)
	if err != nil {
		return err
	}
	resp, err := hc.Do(req)
	if err != nil {
		return err
	}
	return resp.Body.Close()
}

// newFeedRequest builds a request with no context for its callers to
// send (a request helper, as the obs SDK's): the work is the caller's Do.
func newFeedRequest(url string) (*http.Request, error) {
	req, err := http.NewRequest(http.MethodGet, url, nil)
	if err != nil {
		return nil, err
	}
	req.Header.Set("Accept", "application/atom+xml")
	return req, nil
}

// fetchViaBuilder sends the helper's request, with no context, from a
// request path: reported, naming the helper.
func fetchViaBuilder(url string) error { // want `^rwshapes.fetchViaBuilder runs an HTTP request with no context \(rwshapes.newFeedRequest → http.NewRequest at built.go:\d+\); 1 request path reaches it`
	req, err := newFeedRequest(url)
	if err != nil {
		return err
	}
	resp, err := hc.Do(req)
	if err != nil {
		return err
	}
	return resp.Body.Close()
}

func push(w http.ResponseWriter, r *http.Request) {
	_ = fetchViaBuilder("https://example.com/atom")
	req, err := fromPush(r, "hello")
	if err != nil {
		return
	}
	serve(w, req)
	_ = fetchFeed("https://example.com/feed")
	_, _ = proxyFor(&restConfig{Host: "https://k8s.example", Proxy: http.ProxyFromEnvironment})
	_ = sendViaProxy("https://example.com/feed")
}

type restConfig struct {
	Host  string
	Proxy func(*http.Request) (*url.URL, error)
}

// proxyFor builds a request only to ask the configured proxy function
// which proxy its host goes through (client-go's ConfigToExecCluster, run
// whenever a clientset is made): the request is never sent.
func proxyFor(c *restConfig) (string, error) {
	req, err := http.NewRequest("", c.Host, nil)
	if err != nil {
		return "", err
	}
	u, err := c.Proxy(req)
	if err != nil || u == nil {
		return "", err
	}
	return u.String(), nil
}

// sendViaProxy is the twin: it asks the proxy function too, then sends
// the request with no context.
func sendViaProxy(target string) error { // want `^rwshapes.sendViaProxy runs an HTTP request with no context \(http.NewRequest at built.go:\d+\); 1 request path reaches it`
	req, err := http.NewRequest(http.MethodGet, target, nil)
	if err != nil {
		return err
	}
	if _, err := http.ProxyFromEnvironment(req); err != nil {
		return err
	}
	resp, err := hc.Do(req)
	if err != nil {
		return err
	}
	return resp.Body.Close()
}

func serve(w http.ResponseWriter, r *http.Request) { _, _ = w.Write([]byte(r.URL.Path)) }
