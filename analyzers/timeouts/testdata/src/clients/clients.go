package clients

import (
	"bufio"
	"context"
	"io"
	"net/http"
	"net/http/httptest"
	"strings"
	"time"

	"example.com/oauthsdk"
)

var bad = &http.Client{} // want `http.Client has no Timeout`

var good = &http.Client{Timeout: 5 * time.Second}

func newClient() *http.Client {
	return &http.Client{Transport: http.DefaultTransport} // want `http.Client has no Timeout`
}

func newClientTimeoutLater() *http.Client {
	c := &http.Client{}
	c.Timeout = 10 * time.Second
	return c
}

func valueClientTimeoutLater() http.Client {
	c := http.Client{}
	c.Timeout = 10 * time.Second
	return c
}

func valueClient() {
	c := http.Client{} // want `http.Client has no Timeout`
	_, _ = c.Get("http://example.com")
}

// zeroTimeout writes Timeout: 0 itself: no deadline, chosen (a stream of
// many gigabytes), not omitted; newClient above is the twin.
func zeroTimeout() *http.Client {
	return &http.Client{Timeout: 0}
}

func newBuiltin() *http.Client {
	return new(http.Client) // want `http.Client has no Timeout`
}

func newBuiltinTimeoutLater() *http.Client {
	c := new(http.Client)
	c.Timeout = time.Second
	return c
}

func configure(c *http.Client) { c.Timeout = time.Second }

func handedOff() *http.Client {
	c := &http.Client{} // a callee may set the timeout
	configure(c)
	return c
}

func conditionalTimeout(d time.Duration) *http.Client {
	c := &http.Client{}
	if d > 0 {
		c.Timeout = d
	}
	return c
}

func get() {
	_, _ = http.Get("http://example.com")                     // want `http.Get sends the request through http.DefaultClient, which has no timeout`
	_, _ = http.Head("http://example.com")                    // want `http.Head sends`
	_, _ = http.Post("http://example.com", "text/plain", nil) // want `http.Post sends`
	_, _ = http.PostForm("http://example.com", nil)           // want `http.PostForm sends`
	_, _ = good.Get("http://example.com")
}

func defaultClientDo() {
	req, _ := http.NewRequest(http.MethodGet, "http://example.com", nil)
	_, _ = http.DefaultClient.Do(req) // want `http.DefaultClient.Do has no timeout`
}

// A request made with the caller's context ends when the caller's does
// (pocketbase's NewFileFromURL(ctx, url)); the twin above has no context.
func defaultClientDoCallerContext(ctx context.Context) {
	req, _ := http.NewRequestWithContext(ctx, http.MethodGet, "http://example.com", nil)
	_, _ = http.DefaultClient.Do(req)
}

func defaultClientDoWithDeadline(ctx context.Context) {
	ctx, cancel := context.WithTimeout(ctx, 3*time.Second)
	defer cancel()
	req, _ := http.NewRequestWithContext(ctx, http.MethodGet, "http://example.com", nil)
	_, _ = http.DefaultClient.Do(req)
}

func defaultClientDoWithDeadlineWithContext(r *http.Request) {
	ctx, cancel := context.WithDeadline(r.Context(), time.Now().Add(time.Second))
	defer cancel()
	_, _ = http.DefaultClient.Do(r.WithContext(ctx))
}

func defaultClientGet() {
	_, _ = http.DefaultClient.Get("http://example.com") // want `http.DefaultClient.Get has no timeout`
}

func defaultClientRef() *http.Client {
	return http.DefaultClient // want `http.DefaultClient has no timeout`
}

// A Transport that bounds the dial, the TLS handshake and the wait for the
// response's headers cuts off a server that stops answering (cloudreve's
// aria2 RPC caller); its twin sets only the dial.
func boundedTransport(timeout time.Duration) *http.Client {
	return &http.Client{
		Transport: &http.Transport{
			TLSHandshakeTimeout:   3 * time.Second,
			ResponseHeaderTimeout: timeout,
		},
	}
}

func dialOnlyTransport() *http.Client {
	return &http.Client{ // want `http.Client has no Timeout`
		Transport: &http.Transport{TLSHandshakeTimeout: 3 * time.Second},
	}
}

// A command's one request under context.WithTimeout is bounded by its
// context (remark42's import command); the twin sends one without.
func importUnderDeadline(url string, d time.Duration) error {
	client := http.Client{}
	defer client.CloseIdleConnections()
	ctx, cancel := context.WithTimeout(context.Background(), d)
	defer cancel()
	req, err := http.NewRequest(http.MethodPost, url, nil)
	if err != nil {
		return err
	}
	resp, err := client.Do(req.WithContext(ctx))
	if err != nil {
		return err
	}
	return resp.Body.Close()
}

func importNoDeadline(url string) error {
	client := http.Client{} // want `http.Client has no Timeout`
	req, err := http.NewRequest(http.MethodPost, url, nil)
	if err != nil {
		return err
	}
	resp, err := client.Do(req)
	if err != nil {
		return err
	}
	return resp.Body.Close()
}

// A client chosen between two literals (TCP or a Unix socket: glance's
// Docker widget) and used only under a deadline made here is bounded;
// the twin's branches send without one.
func dockerUnderDeadline(source string) error {
	var client *http.Client
	if strings.HasPrefix(source, "tcp://") {
		client = &http.Client{}
	} else {
		client = &http.Client{Transport: &http.Transport{DisableKeepAlives: true}}
	}
	ctx, cancel := context.WithTimeout(context.Background(), 5*time.Second)
	defer cancel()
	req, err := http.NewRequestWithContext(ctx, http.MethodGet, source, nil)
	if err != nil {
		return err
	}
	resp, err := client.Do(req)
	if err != nil {
		return err
	}
	return resp.Body.Close()
}

func dockerNoDeadline(source string) error {
	var client *http.Client
	if strings.HasPrefix(source, "tcp://") {
		client = &http.Client{} // want `http.Client has no Timeout`
	} else {
		client = &http.Client{Transport: &http.Transport{DisableKeepAlives: true}} // want `http.Client has no Timeout`
	}
	req, err := http.NewRequest(http.MethodGet, source, nil)
	if err != nil {
		return err
	}
	resp, err := client.Do(req)
	if err != nil {
		return err
	}
	return resp.Body.Close()
}

// A client captured by the operation a retry helper calls, which sends
// with the caller's context (crowdsec's lookupLatest), is bounded by it;
// the twin's operation sends with no context.
func latestWithRetry(ctx context.Context, url string) error {
	client := &http.Client{}
	op := func() error {
		req, err := http.NewRequestWithContext(ctx, http.MethodGet, url, nil)
		if err != nil {
			return err
		}
		resp, err := client.Do(req)
		if err != nil {
			return err
		}
		return resp.Body.Close()
	}
	return retry(op)
}

func latestWithRetryNoContext(url string) error {
	client := &http.Client{} // want `http.Client has no Timeout`
	op := func() error {
		req, err := http.NewRequest(http.MethodGet, url, nil)
		if err != nil {
			return err
		}
		resp, err := client.Do(req)
		if err != nil {
			return err
		}
		return resp.Body.Close()
	}
	return retry(op)
}

func retry(op func() error) error {
	var err error
	for range 3 {
		if err = op(); err == nil {
			return nil
		}
	}
	return err
}

// A client copied by value into a field (crowdsec's Splunk plugin:
// Client: *client), whose every request carries the caller's context, is
// bounded by it; the twin's field also sends a request with no context.
type splunk struct{ Client http.Client }

func newSplunk() *splunk {
	client := &http.Client{Transport: http.DefaultTransport}
	return &splunk{Client: *client}
}

func (s *splunk) notify(ctx context.Context, url string) error {
	req, err := http.NewRequestWithContext(ctx, http.MethodPost, url, nil)
	if err != nil {
		return err
	}
	resp, err := s.Client.Do(req)
	if err != nil {
		return err
	}
	return resp.Body.Close()
}

type splunkNoContext struct{ Client http.Client }

func newSplunkNoContext() *splunkNoContext {
	client := &http.Client{Transport: http.DefaultTransport} // want `http.Client has no Timeout`
	return &splunkNoContext{Client: *client}
}

func (s *splunkNoContext) notify(url string) error {
	req, err := http.NewRequest(http.MethodPost, url, nil)
	if err != nil {
		return err
	}
	resp, err := s.Client.Do(req)
	if err != nil {
		return err
	}
	return resp.Body.Close()
}

// A subscription reads its response as a stream, line by line, until the
// caller cancels its context (ntfy's client): a client Timeout would cut
// it. The twin reads one response whole with the same default client,
// under no caller's context.
func subscribe(ctx context.Context, url string, lines chan<- string) error {
	req, err := http.NewRequestWithContext(ctx, http.MethodGet, url, nil)
	if err != nil {
		return err
	}
	resp, err := http.DefaultClient.Do(req)
	if err != nil {
		return err
	}
	defer resp.Body.Close()
	scanner := bufio.NewScanner(resp.Body)
	for scanner.Scan() {
		lines <- scanner.Text()
	}
	return scanner.Err()
}

func fetchOnce(url string) ([]byte, error) {
	req, err := http.NewRequestWithContext(context.Background(), http.MethodGet, url, nil)
	if err != nil {
		return nil, err
	}
	resp, err := http.DefaultClient.Do(req) // want `http.DefaultClient.Do has no timeout`
	if err != nil {
		return nil, err
	}
	defer resp.Body.Close()
	return io.ReadAll(resp.Body)
}

type ctxKey struct{}

// A client handed to a library through the context (oauth2.HTTPClient)
// serves requests made under that context, the caller's (woodpecker's
// forge OAuth clients); the twin keeps its client to itself.
func oauthContext(ctx context.Context) context.Context {
	return context.WithValue(ctx, ctxKey{}, &http.Client{Transport: http.DefaultTransport})
}

func ownClient(url string) error {
	c := &http.Client{Transport: http.DefaultTransport} // want `http.Client has no Timeout`
	req, err := http.NewRequest(http.MethodGet, url, nil)
	if err != nil {
		return err
	}
	resp, err := c.Do(req)
	if err != nil {
		return err
	}
	return resp.Body.Close()
}

// A client kept in a field and used only for requests made with the
// caller's context or under a deadline (navidrome's plugin client,
// miniflux's API client) is bounded by them; the twins' fields also send
// one request with no context.
type pluginService struct{ client *http.Client }

func newPluginService() *pluginService {
	svc := &pluginService{}
	svc.client = &http.Client{Transport: http.DefaultTransport}
	return svc
}

func (s *pluginService) call(ctx context.Context, url string) error {
	ctx, cancel := context.WithTimeout(ctx, 5*time.Second)
	defer cancel()
	req, err := http.NewRequestWithContext(ctx, http.MethodGet, url, nil)
	if err != nil {
		return err
	}
	resp, err := s.client.Do(req)
	if err != nil {
		return err
	}
	return resp.Body.Close()
}

type looseService struct{ client *http.Client }

func newLooseService() *looseService {
	svc := &looseService{}
	svc.client = &http.Client{Transport: http.DefaultTransport} // want `http.Client has no Timeout`
	return svc
}

func (s *looseService) call(url string) error {
	req, err := http.NewRequest(http.MethodGet, url, nil)
	if err != nil {
		return err
	}
	resp, err := s.client.Do(req)
	if err != nil {
		return err
	}
	return resp.Body.Close()
}

type apiRequest struct{ client *http.Client }

func newAPIRequest() *apiRequest { return &apiRequest{client: http.DefaultClient} }

func (r *apiRequest) execute(ctx context.Context, url string) error {
	req, err := http.NewRequestWithContext(ctx, http.MethodGet, url, nil)
	if err != nil {
		return err
	}
	resp, err := r.client.Do(req)
	if err != nil {
		return err
	}
	return resp.Body.Close()
}

type looseRequest struct{ client *http.Client }

func newLooseRequest() *looseRequest { return &looseRequest{client: http.DefaultClient} } // want `http.DefaultClient has no timeout`

func (r *looseRequest) execute(url string) error {
	resp, err := r.client.Get(url)
	if err != nil {
		return err
	}
	return resp.Body.Close()
}

// A method that returns the client (or a default one) to its one use,
// which sends a request made with the caller's context (dex's backchannel
// Notifier.client): the caller's context bounds it. The twin's user sends
// a request with no context.
type notifier struct{ HTTPClient *http.Client }

func (n *notifier) client() *http.Client {
	if n.HTTPClient != nil {
		return n.HTTPClient
	}
	return &http.Client{CheckRedirect: func(*http.Request, []*http.Request) error { return http.ErrUseLastResponse }}
}

func (n *notifier) deliver(ctx context.Context, url string) error {
	req, err := http.NewRequestWithContext(ctx, http.MethodPost, url, nil)
	if err != nil {
		return err
	}
	resp, err := n.client().Do(req)
	if err != nil {
		return err
	}
	return resp.Body.Close()
}

type looseNotifier struct{ HTTPClient *http.Client }

func (n *looseNotifier) client() *http.Client {
	if n.HTTPClient != nil {
		return n.HTTPClient
	}
	return &http.Client{} // want `http.Client has no Timeout`
}

func (n *looseNotifier) deliver(ctx context.Context, url string) error {
	req, err := http.NewRequestWithContext(ctx, http.MethodPost, url, nil)
	if err != nil {
		return err
	}
	resp, err := n.client().Do(req)
	if err != nil {
		return err
	}
	_ = resp.Body.Close()
	resp, err = n.client().Get(url)
	if err != nil {
		return err
	}
	return resp.Body.Close()
}

// A constructor named as test support (vela's NewTestAppClient, which the
// tests of other packages point at an httptest server) is test code; its
// twin is the production constructor.
func NewTestAppClient(baseURL string) *http.Client { // want NewTestAppClient:`io\(returns an unbounded client\)`
	return &http.Client{Transport: http.DefaultTransport}
}

func NewAppClient(baseURL string) *http.Client { // want NewAppClient:`io\(returns an unbounded client\)`
	return &http.Client{Transport: http.DefaultTransport} // want `http.Client has no Timeout`
}

// A client literal handed to an SDK call beside the served request's
// context (hatchet's slack OAuth callback): the SDK sends under that
// context. The twin hands it context.Background().
func oauthCallback(w http.ResponseWriter, r *http.Request) {
	_, _ = oauthsdk.Exchange(r.Context(), &http.Client{}, r.URL.Query().Get("code"))
}

func oauthCallbackDetached(code string) {
	_, _ = oauthsdk.Exchange(context.Background(), &http.Client{}, code) // want `http.Client has no Timeout`
}

// A fake of a service for tests in a production file (harbor's
// MockKrakenProvider): a function that returns an *httptest.Server is
// test support, whatever its name. Its twin returns a real server.
func MockUpstream() *httptest.Server {
	return httptest.NewUnstartedServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		client := &http.Client{}
		resp, err := client.Get("https://upstream.example.com/ping")
		if err == nil {
			_ = resp.Body.Close()
		}
	}))
}

func Upstream() *http.Server {
	return &http.Server{ReadHeaderTimeout: time.Second, Handler: http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		client := &http.Client{} // want `http.Client has no Timeout`
		resp, err := client.Get("https://upstream.example.com/ping")
		if err == nil {
			_ = resp.Body.Close()
		}
	})}
}
