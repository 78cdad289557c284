// Command keepalive serves requests that call other services. The
// transports built on every call are reported (once where each is built);
// each has a twin that shares its transport, closes it, or turns keep-alive
// off on purpose. A single-host reverse proxy's transport is reported when
// it leaves MaxIdleConnsPerHost at Go's default.
package main

import (
	"context"
	"crypto/tls"
	"errors"
	"io"
	"net"
	"net/http"
	"net/http/httputil"
	"net/url"
	"strings"
	"time"

	"example.com/realibs/limits/keepalive/forge"
)

// fetch sends each request on a transport of its own.
func fetch(ctx context.Context, target string) ([]byte, error) {
	client := &http.Client{Timeout: 5 * time.Second, Transport: &http.Transport{ // want `main.fetch builds a new http.Transport on every call: no connection is kept for the next call, .* stay open until the server closes them`
		Proxy: http.ProxyFromEnvironment,
	}}
	req, err := http.NewRequestWithContext(ctx, http.MethodGet, target, nil)
	if err != nil {
		return nil, err
	}
	resp, err := client.Do(req)
	if err != nil {
		return nil, err
	}
	defer resp.Body.Close()
	return io.ReadAll(io.LimitReader(resp.Body, 1<<20))
}

// soap builds a transport per call too, and asks for each request's
// connection to be closed after it (syncthing's UPnP SOAP calls, for
// routers that mishandle keep-alive): a connection per request on
// purpose, as with DisableKeepAlives. fetch is its twin.
func soap(ctx context.Context, target string) error {
	req, err := http.NewRequestWithContext(ctx, http.MethodPost, target, nil)
	if err != nil {
		return err
	}
	req.Close = true
	client := &http.Client{Timeout: 5 * time.Second, Transport: &http.Transport{Proxy: http.ProxyFromEnvironment}}
	resp, err := client.Do(req)
	if err != nil {
		return err
	}
	return resp.Body.Close()
}

// download builds a transport only when its caller asks to skip the
// certificate check (1Panel's wget): the other calls share the default
// transport, and the branch is the call's own.
func download(ctx context.Context, target string, insecure bool) (*http.Response, error) {
	client := &http.Client{Timeout: time.Minute}
	if insecure {
		client.Transport = &http.Transport{TLSClientConfig: &tls.Config{InsecureSkipVerify: true}}
	}
	req, err := http.NewRequestWithContext(ctx, http.MethodGet, target, nil)
	if err != nil {
		return nil, err
	}
	return client.Do(req)
}

// socketGet returns early for a URL that is not a Unix socket's, before
// it builds a transport (crowdsec's createTransport): the branch is the
// call's own. Its twin, (*agent).get, returns early on the agent's
// configuration, taken on every call once set.
func socketGet(ctx context.Context, target string) (*http.Response, error) {
	if !strings.HasPrefix(target, "/") {
		return shared.Get(target)
	}
	client := &http.Client{Timeout: time.Minute, Transport: &http.Transport{
		DialContext: func(ctx context.Context, _, _ string) (net.Conn, error) {
			return (&net.Dialer{}).DialContext(ctx, "unix", target)
		},
	}}
	req, err := http.NewRequestWithContext(ctx, http.MethodGet, "http://unix/", nil)
	if err != nil {
		return nil, err
	}
	return client.Do(req)
}

var shared = &http.Client{Timeout: time.Minute}

// proxyHandler's early return answers a bad URL with an error: every
// request that goes on builds a transport (mailpit's ProxyHandler).
func proxyHandler(w http.ResponseWriter, r *http.Request) {
	target := r.FormValue("url")
	if !strings.HasPrefix(target, "https://") {
		http.Error(w, "bad url", http.StatusBadRequest)
		return
	}
	client := &http.Client{Timeout: time.Minute, Transport: &http.Transport{}} // want `main.proxyHandler builds a new http.Transport on every call`
	resp, err := client.Get(target)
	if err != nil {
		return
	}
	_ = resp.Body.Close()
}

// checkedGet's early return rejects a bad URL: every call that goes on
// builds a transport (mailpit's doHead, judged worth a change).
func checkedGet(ctx context.Context, target string) (*http.Response, error) {
	if !strings.HasPrefix(target, "https://") {
		return nil, errors.New("not an https URL")
	}
	client := &http.Client{Timeout: time.Minute, Transport: &http.Transport{}} // want `main.checkedGet builds a new http.Transport on every call`
	req, err := http.NewRequestWithContext(ctx, http.MethodGet, target, nil)
	if err != nil {
		return nil, err
	}
	return client.Do(req)
}

type agent struct{ socket string }

func (a *agent) get(ctx context.Context) (*http.Response, error) {
	if a.socket == "" {
		return shared.Get("https://agent.example.com/")
	}
	client := &http.Client{Timeout: time.Minute, Transport: &http.Transport{ // want `\(\*main.agent\).get builds a new http.Transport on every call`
		DialContext: func(ctx context.Context, _, _ string) (net.Conn, error) {
			return (&net.Dialer{}).DialContext(ctx, "unix", a.socket)
		},
	}}
	req, err := http.NewRequestWithContext(ctx, http.MethodGet, "http://unix/", nil)
	if err != nil {
		return nil, err
	}
	return client.Do(req)
}

// forgeClient is download's twin: its branch tests the forge's
// configuration, taken on every call once set (woodpecker's skipVerify).
type forgeClient struct {
	url        string
	skipVerify bool
}

func (c *forgeClient) get(ctx context.Context, path string) (*http.Response, error) {
	client := &http.Client{Timeout: time.Minute}
	if c.skipVerify {
		client.Transport = &http.Transport{TLSClientConfig: &tls.Config{InsecureSkipVerify: true}} // want `\(\*main.forgeClient\).get builds a new http.Transport on every call`
	}
	req, err := http.NewRequestWithContext(ctx, http.MethodGet, c.url+path, nil)
	if err != nil {
		return nil, err
	}
	return client.Do(req)
}

// webhook builds a transport whenever its settings hold none (gogs'
// httplib): a local made from the receiver's settings, not from the call.
type webhook struct {
	transport http.RoundTripper
}

func (h *webhook) post(ctx context.Context, target string) (*http.Response, error) {
	trans := h.transport
	if trans == nil {
		trans = &http.Transport{Proxy: http.ProxyFromEnvironment} // want `\(\*main.webhook\).post builds a new http.Transport on every call`
	}
	client := &http.Client{Timeout: time.Minute, Transport: trans}
	req, err := http.NewRequestWithContext(ctx, http.MethodPost, target, nil)
	if err != nil {
		return nil, err
	}
	return client.Do(req)
}

// sharedTransport is the twin of fetch's: one transport for every request.
var sharedTransport = &http.Transport{Proxy: http.ProxyFromEnvironment, MaxIdleConnsPerHost: 16}

func fetchShared(ctx context.Context, target string) (*http.Response, error) {
	client := &http.Client{Timeout: 5 * time.Second, Transport: sharedTransport}
	req, err := http.NewRequestWithContext(ctx, http.MethodGet, target, nil)
	if err != nil {
		return nil, err
	}
	return client.Do(req)
}

// fetchClone clones the default transport for every request.
func fetchClone(ctx context.Context, target string) (*http.Response, error) {
	t := http.DefaultTransport.(*http.Transport).Clone() // want `main.fetchClone builds a new http.Transport on every call: .* stay open until its IdleConnTimeout`
	t.Proxy = nil
	req, err := http.NewRequestWithContext(ctx, http.MethodGet, target, nil)
	if err != nil {
		return nil, err
	}
	return (&http.Client{Transport: t}).Do(req)
}

// fetchOnce turns keep-alive off: a connection per request, on purpose,
// and none left open.
func fetchOnce(ctx context.Context, target string) (*http.Response, error) {
	client := &http.Client{Transport: &http.Transport{DisableKeepAlives: true}}
	req, err := http.NewRequestWithContext(ctx, http.MethodGet, target, nil)
	if err != nil {
		return nil, err
	}
	return client.Do(req)
}

// fetchClosed drops the transport's idle connections when it is done.
func fetchClosed(ctx context.Context, target string) (*http.Response, error) {
	t := &http.Transport{}
	defer t.CloseIdleConnections()
	req, err := http.NewRequestWithContext(ctx, http.MethodGet, target, nil)
	if err != nil {
		return nil, err
	}
	return t.RoundTrip(req)
}

// poll is a worker: the transport it builds serves every iteration.
func poll(ctx context.Context, targets []string) {
	client := &http.Client{Transport: &http.Transport{MaxIdleConnsPerHost: 4}}
	for _, target := range targets {
		req, err := http.NewRequestWithContext(ctx, http.MethodGet, target, nil)
		if err != nil {
			continue
		}
		if resp, err := client.Do(req); err == nil {
			resp.Body.Close()
		}
	}
}

// pollEach builds a transport for every iteration of its loop.
func pollEach(ctx context.Context, targets []string) {
	for _, target := range targets {
		client := &http.Client{Transport: &http.Transport{}} // want `main.pollEach builds a new http.Transport on every call`
		req, err := http.NewRequestWithContext(ctx, http.MethodGet, target, nil)
		if err != nil {
			continue
		}
		if resp, err := client.Do(req); err == nil {
			resp.Body.Close()
		}
	}
}

// repo builds a forge client (and its transport) for every request.
func repo(w http.ResponseWriter, r *http.Request) {
	c := forge.NewClient(r.Header.Get("Authorization"), false)
	resp, err := c.Repo(r.URL.Query().Get("name"))
	if err != nil {
		http.Error(w, err.Error(), http.StatusBadGateway)
		return
	}
	defer resp.Body.Close()
	_, _ = io.Copy(w, resp.Body)
}

// repoShared is repo's twin: its clients share one transport.
func repoShared(w http.ResponseWriter, r *http.Request) {
	c := forge.NewSharedClient(r.Header.Get("Authorization"))
	resp, err := c.Repo(r.URL.Query().Get("name"))
	if err != nil {
		http.Error(w, err.Error(), http.StatusBadGateway)
		return
	}
	defer resp.Body.Close()
	_, _ = io.Copy(w, resp.Body)
}

// warmUp runs once, at start: its client is not built per request (it
// takes no request or context), and it adds nothing to repo's finding.
func warmUp() {
	c := forge.NewClient("warm-up", false)
	if resp, err := c.Repo("status"); err == nil {
		resp.Body.Close()
	}
}

// service keeps the client its constructor built.
type service struct{ client *http.Client }

func newService() *service {
	return &service{client: &http.Client{Transport: &http.Transport{MaxIdleConnsPerHost: 8}}}
}

func (s *service) ping(w http.ResponseWriter, r *http.Request) {
	req, err := http.NewRequestWithContext(r.Context(), http.MethodGet, "https://upstream.example.com/ping", nil)
	if err != nil {
		return
	}
	if resp, err := s.client.Do(req); err == nil {
		resp.Body.Close()
	}
}

// routes builds one client for the handler it registers, and checks the
// upstream with it first: the closure runs for every request on the same
// transport.
func routes(ctx context.Context, mux *http.ServeMux) {
	client := &http.Client{Transport: &http.Transport{MaxIdleConnsPerHost: 8}}
	if req, err := http.NewRequestWithContext(ctx, http.MethodGet, "https://upstream.example.com/status", nil); err == nil {
		if resp, err := client.Do(req); err == nil {
			resp.Body.Close()
		}
	}
	mux.HandleFunc("/status", func(w http.ResponseWriter, r *http.Request) {
		req, err := http.NewRequestWithContext(r.Context(), http.MethodGet, "https://upstream.example.com/status", nil)
		if err != nil {
			return
		}
		if resp, err := client.Do(req); err == nil {
			resp.Body.Close()
		}
	})
}

// fetcher holds a client of its own (a link-preview fetcher).
type fetcher struct{ client *http.Client }

func newFetcher() *fetcher {
	return &fetcher{client: &http.Client{Transport: &http.Transport{MaxIdleConnsPerHost: 8}}}
}

func (f *fetcher) get(ctx context.Context, target string) error {
	req, err := http.NewRequestWithContext(ctx, http.MethodGet, target, nil)
	if err != nil {
		return err
	}
	resp, err := f.client.Do(req)
	if err != nil {
		return err
	}
	return resp.Body.Close()
}

// api is a service of the program's own: it keeps its fetcher (and the
// fetcher's transport) for as long as the server runs, so serve, which
// builds it with a context and calls it once, does not build a transport
// per call.
type api struct{ fetch *fetcher }

func newAPI() *api { return &api{fetch: newFetcher()} }

func serve(ctx context.Context, mux *http.ServeMux) {
	a := newAPI()
	_ = a.fetch.get(ctx, "https://upstream.example.com/warm")
	mux.Handle("/preview", a)
}

func (a *api) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	_ = a.fetch.get(r.Context(), r.URL.Query().Get("url"))
}

// proxy forwards to one upstream on a transport with two idle connections.
func proxy(target *url.URL) http.Handler {
	p := httputil.NewSingleHostReverseProxy(target)
	p.Transport = &http.Transport{IdleConnTimeout: 90 * time.Second} // want `this http.Transport serves a single-host reverse proxy`
	return p
}

// proxyTuned is proxy's twin: its transport keeps enough idle connections.
func proxyTuned(target *url.URL) http.Handler {
	p := httputil.NewSingleHostReverseProxy(target)
	p.Transport = &http.Transport{IdleConnTimeout: 90 * time.Second, MaxIdleConnsPerHost: 64}
	return p
}

func main() {
	warmUp()
	mux := http.NewServeMux()
	svc := newService()
	mux.HandleFunc("/ping", svc.ping)
	mux.HandleFunc("/repo", repo)
	mux.HandleFunc("/proxyurl", proxyHandler)
	mux.HandleFunc("/repo/shared", repoShared)
	mux.HandleFunc("/fetch", func(w http.ResponseWriter, r *http.Request) {
		for _, f := range []func(context.Context, string) (*http.Response, error){fetchShared, fetchClone, fetchOnce, fetchClosed} {
			if resp, err := f(r.Context(), "https://upstream.example.com/"); err == nil {
				resp.Body.Close()
			}
		}
		_, _ = fetch(r.Context(), "https://upstream.example.com/")
		_ = soap(r.Context(), "http://192.168.1.1:49000/upnp/control")
		if resp, err := download(r.Context(), r.FormValue("url"), r.FormValue("insecure") == "1"); err == nil {
			resp.Body.Close()
		}
		if resp, err := (&forgeClient{url: "https://forge.example.com", skipVerify: true}).get(r.Context(), "/api/v1/user"); err == nil {
			resp.Body.Close()
		}
		if resp, err := (&webhook{}).post(r.Context(), "https://hooks.example.com/"); err == nil {
			resp.Body.Close()
		}
		if resp, err := socketGet(r.Context(), r.FormValue("target")); err == nil {
			resp.Body.Close()
		}
		if resp, err := checkedGet(r.Context(), r.FormValue("target")); err == nil {
			resp.Body.Close()
		}
		if resp, err := (&agent{socket: "/run/agent.sock"}).get(r.Context()); err == nil {
			resp.Body.Close()
		}
		poll(r.Context(), []string{"https://a.example.com/", "https://b.example.com/"})
		pollEach(r.Context(), []string{"https://a.example.com/", "https://b.example.com/"})
	})
	routes(context.Background(), mux)
	serve(context.Background(), mux)
	u, _ := url.Parse("https://upstream.example.com/")
	mux.Handle("/proxy/", proxy(u))
	mux.Handle("/proxy/tuned/", proxyTuned(u))
	srv := &http.Server{Addr: ":8080", Handler: mux, ReadHeaderTimeout: time.Second}
	_ = srv.ListenAndServe()
}
