// want package:`causes\(rwlong rwlong.downloadVia\)`

// Package rwlong holds the long-transfer and SDK shapes of real services
// (woodpecker's Docker client and Go SDK, pocketbase's S3 client, gogs'
// httplib, casdoor's avatar download), each with its twin.
package rwlong

import (
	"context"
	"io"
	"net"
	"net/http"
	"strings"
	"time"
)

// HTTPClient is the program's own client interface (pocketbase's S3).
type HTTPClient interface {
	Do(req *http.Request) (*http.Response, error)
}

type S3 struct{ Client HTTPClient }

// SignAndSend sends its caller's request: the caller's context bounds it.
func (s *S3) SignAndSend(req *http.Request) (*http.Response, error) {
	client := s.Client
	if client == nil {
		client = http.DefaultClient
	}
	return client.Do(req)
}

// Fetch is the twin: it makes its own request with no context.
func (s *S3) Fetch(url string) (*http.Response, error) { // want Fetch:`io\(detached: HTTP request via http.NewRequest\)`
	client := s.Client
	if client == nil {
		client = http.DefaultClient // want `^http.DefaultClient has no timeout`
	}
	req, err := http.NewRequest(http.MethodGet, url, nil)
	if err != nil {
		return nil, err
	}
	return client.Do(req)
}

// GetObject makes the request SignAndSend sends.
func (s *S3) GetObject(ctx context.Context, url string) (*http.Response, error) { // want GetObject:`io\(ctx1: HTTP request via http.NewRequestWithContext\)`
	req, err := http.NewRequestWithContext(ctx, http.MethodGet, url, nil)
	if err != nil {
		return nil, err
	}
	return s.SignAndSend(req)
}

// sdkOpt stands for an SDK's option (the Docker SDK's WithHTTPClient).
type sdkOpt func(*http.Client)

func withHTTPClient(c *http.Client) sdkOpt { return func(*http.Client) { _ = c } }

// dockerClient's client is handed by its caller to the SDK.
func dockerClient(cert string) *http.Client {
	if cert == "" {
		return nil
	}
	return &http.Client{Transport: &http.Transport{}}
}

func LoadDocker(cert string) []sdkOpt {
	var opts []sdkOpt
	if c := dockerClient(cert); c != nil {
		opts = append(opts, withHTTPClient(c))
	}
	return opts
}

// pingClient is the twin: its caller uses the client itself.
func pingClient() *http.Client {
	return &http.Client{Transport: &http.Transport{}} // want `^http.Client has no Timeout`
}

func Ping(url string) error {
	resp, err := pingClient().Get(url)
	if err != nil {
		return err
	}
	return resp.Body.Close()
}

// Client is a Go SDK whose users choose the client (woodpecker-go).
type Client struct{ client *http.Client }

func wrap(c *http.Client) *http.Client { return c }

// New defaults to http.DefaultClient; NewClient and SetClient take the
// user's.
func New() *Client { return &Client{wrap(http.DefaultClient)} }

func NewClient(c *http.Client) *Client { return &Client{wrap(c)} }

func (c *Client) SetClient(h *http.Client) { c.client = h }

func (c *Client) Get(url string) (*http.Response, error) { return c.client.Get(url) } // want Get:`io\(detached: HTTP request via \(\*http.Client\).Get\)`

// fixed is the twin: an SDK that never lets its users choose.
type fixed struct{ client *http.Client }

func NewFixed() *fixed { return &fixed{wrap(http.DefaultClient)} } // want `^http.DefaultClient has no timeout`

func (f *fixed) Get(url string) (*http.Response, error) { return f.client.Get(url) } // want Get:`io\(detached: HTTP request via \(\*http.Client\).Get\)`

// deadlineDialer sets a deadline on every connection (gogs' TimeoutDialer).
func deadlineDialer(connect, rw time.Duration) func(ctx context.Context, network, addr string) (net.Conn, error) {
	return func(ctx context.Context, network, addr string) (net.Conn, error) {
		conn, err := net.DialTimeout(network, addr, connect)
		if err != nil {
			return nil, err
		}
		return conn, conn.SetDeadline(time.Now().Add(rw))
	}
}

// plainDialer is the twin: no deadline.
func plainDialer(connect time.Duration) func(ctx context.Context, network, addr string) (net.Conn, error) {
	return func(ctx context.Context, network, addr string) (net.Conn, error) {
		return net.DialTimeout(network, addr, connect)
	}
}

type settings struct{ Transport http.RoundTripper }

func DoBounded(s settings, url string) (*http.Response, error) {
	trans := s.Transport
	if trans == nil {
		trans = &http.Transport{DialContext: deadlineDialer(time.Second, time.Minute)}
	}
	client := &http.Client{Transport: trans}
	return client.Get(url)
}

func DoUnbounded(s settings, url string) (*http.Response, error) {
	trans := s.Transport
	if trans == nil {
		trans = &http.Transport{DialContext: plainDialer(time.Second)}
	}
	client := &http.Client{Transport: trans} // want `^http.Client has no Timeout`
	return client.Get(url)
}

// download takes the client its callers pass (casdoor's downloadImage):
// every caller passes the shared client with no Timeout, reported where
// it is made; the one fix bounds this request too.
var shared = &http.Client{} // want `^http.Client has no Timeout`

var bounded = &http.Client{Timeout: 20 * time.Second}

func download(client *http.Client, url string) (string, error) {
	req, err := http.NewRequest(http.MethodGet, url, nil)
	if err != nil {
		return "", err
	}
	resp, err := client.Do(req)
	if err != nil {
		return "", err
	}
	defer resp.Body.Close()
	b, err := io.ReadAll(resp.Body)
	return string(b), err
}

// downloadVia is the twin: its only caller passes a client with a
// Timeout, which still runs after the client of the handler has gone.
func downloadVia(client *http.Client, url string) (string, error) { // want `^rwlong.downloadVia runs an HTTP request with no context`
	req, err := http.NewRequest(http.MethodGet, url, nil)
	if err != nil {
		return "", err
	}
	resp, err := client.Do(req)
	if err != nil {
		return "", err
	}
	defer resp.Body.Close()
	b, err := io.ReadAll(resp.Body)
	return string(b), err
}

func favicon(client *http.Client, domain string) (string, error) {
	return download(client, "https://"+domain+"/favicon.ico")
}

func avatar(w http.ResponseWriter, r *http.Request) {
	a, _ := favicon(shared, strings.TrimPrefix(r.URL.Path, "/"))
	b, _ := downloadVia(bounded, "https://example.com/b.png")
	_, _ = io.WriteString(w, a+b)
}
