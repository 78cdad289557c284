// Package reqhelper sends requests that a helper of the package builds
// with the context it is handed (gitness' webhook service: the caller
// sets a deadline, prepareHTTPRequest calls http.NewRequestWithContext),
// through clients that newClient returns (http.DefaultClient or one of
// its own) and that the service keeps in fields. The twin hands the
// helper a context with no deadline.
package reqhelper

import (
	"context"
	"net/http"
	"time"
)

type Service struct {
	secure, insecure *http.Client
}

func newClient(plain bool) *http.Client {
	if plain {
		return http.DefaultClient
	}
	tr := http.DefaultTransport.(*http.Transport).Clone()
	return &http.Client{Transport: tr}
}

func NewService() *Service {
	return &Service{secure: newClient(false), insecure: newClient(true)}
}

func prepare(ctx context.Context, url string) (*http.Request, error) {
	req, err := http.NewRequestWithContext(ctx, http.MethodPost, url, nil)
	if err != nil {
		return nil, err
	}
	req.Header.Set("Content-Type", "application/json")
	return req, nil
}

func (s *Service) Execute(ctx context.Context, url string, insecure bool) error {
	ctx, cancel := context.WithTimeout(ctx, 10*time.Second)
	defer cancel()
	req, err := prepare(ctx, url)
	if err != nil {
		return err
	}
	var resp *http.Response
	if insecure {
		resp, err = s.insecure.Do(req)
	} else {
		resp, err = s.secure.Do(req)
	}
	if err != nil {
		return err
	}
	return resp.Body.Close()
}

type Detached struct {
	secure, insecure *http.Client
}

func newDetachedClient(plain bool) *http.Client {
	if plain {
		return http.DefaultClient // want `http.DefaultClient has no timeout`
	}
	tr := http.DefaultTransport.(*http.Transport).Clone()
	return &http.Client{Transport: tr} // want `http.Client has no Timeout`
}

func NewDetached() *Detached {
	return &Detached{secure: newDetachedClient(false), insecure: newDetachedClient(true)}
}

func (s *Detached) Execute(url string, insecure bool) error { // want Execute:`io\(detached: HTTP request via reqhelper.prepare → http.NewRequestWithContext\)`
	req, err := prepare(context.Background(), url)
	if err != nil {
		return err
	}
	var resp *http.Response
	if insecure {
		resp, err = s.insecure.Do(req)
	} else {
		resp, err = s.secure.Do(req)
	}
	if err != nil {
		return err
	}
	return resp.Body.Close()
}

// A deferred literal that logs with ctx captures it, so ctx lives in a
// cell that the deadline is stored into (gitness' executeWebhook).
type Logged struct{ client *http.Client }

func NewLogged() *Logged { return &Logged{client: newClient(false)} }

func (s *Logged) Execute(ctx context.Context, url string) error {
	defer func() { logWith(ctx) }()
	ctx, cancel := context.WithTimeout(ctx, 10*time.Second)
	defer cancel()
	req, err := prepare(ctx, url)
	if err != nil {
		return err
	}
	resp, err := s.client.Do(req)
	if err != nil {
		return err
	}
	return resp.Body.Close()
}

func logWith(ctx context.Context) {}

// Its twin replaces the captured context with one that never ends.
type LoggedDetached struct{ client *http.Client }

func NewLoggedDetached() *LoggedDetached {
	return &LoggedDetached{client: &http.Client{}} // want `http.Client has no Timeout`
}

func (s *LoggedDetached) Execute(ctx context.Context, url string) error {
	defer func() { logWith(ctx) }()
	ctx = context.Background()
	req, err := prepare(ctx, url)
	if err != nil {
		return err
	}
	resp, err := s.client.Do(req)
	if err != nil {
		return err
	}
	return resp.Body.Close()
}
