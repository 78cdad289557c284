package rwshapes

import (
	"io"
	"net/http"
	"time"
)

// The program's shared clients (casdoor's proxy package): DefaultHTTP is
// http.DefaultClient and ProxyHTTP a literal with no Timeout, both
// reported where they are made.
var (
	DefaultHTTP *http.Client // want DefaultHTTP:`clientVar\(unbounded=true\)`
	ProxyHTTP   *http.Client // want ProxyHTTP:`clientVar\(unbounded=true\)`
	BoundedHTTP *http.Client
)

func InitClients(useProxy bool) {
	DefaultHTTP = http.DefaultClient // want `^http.DefaultClient has no timeout`
	ProxyHTTP = proxyClient(useProxy)
	BoundedHTTP = &http.Client{Timeout: 20 * time.Second}
}

func proxyClient(useProxy bool) *http.Client {
	if !useProxy {
		return &http.Client{} // want `^http.Client has no Timeout`
	}
	return &http.Client{Transport: &http.Transport{}} // want `^http.Client has no Timeout`
}

// GetClient returns one of the shared clients without a Timeout: a
// request sent through it is bounded by their one fix.
func GetClient(url string) *http.Client { // want GetClient:`io\(returns an unbounded client\)`
	if len(url) > 100 {
		return ProxyHTTP
	}
	return DefaultHTTP
}

// download sends a context-free request through GetClient's client: the
// clients' Timeout is the fix, not reported again here.
func download(url string) ([]byte, error) {
	resp, err := GetClient(url).Get(url)
	if err != nil {
		return nil, err
	}
	defer resp.Body.Close()
	return io.ReadAll(resp.Body)
}

// downloadBounded is the twin: through a client with a Timeout, the
// request still runs after the client of the handler has gone.
func downloadBounded(url string) ([]byte, error) { // want `^rwshapes.downloadBounded runs an HTTP request with no context \(\(\*http.Client\).Get at proxy.go:\d+\); 1 request path reaches it`
	resp, err := BoundedHTTP.Get(url)
	if err != nil {
		return nil, err
	}
	defer resp.Body.Close()
	return io.ReadAll(resp.Body)
}

func avatar(w http.ResponseWriter, r *http.Request) {
	b, _ := download("https://example.com/a.png")
	c, _ := downloadBounded("https://example.com/b.png")
	_, _ = w.Write(append(b, c...))
}
