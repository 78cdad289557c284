package rwshapes

import (
	"context"
	"net/http"
	"time"
)

type noFollowKey struct{}

// pluginHTTP sends every request under a deadline of its own, derived
// further on one path only (navidrome's plugin HTTP service): the
// context is the deadline on both edges of the phi.
type pluginHTTP struct{ client *http.Client }

func newPluginHTTP() *pluginHTTP {
	s := &pluginHTTP{}
	s.client = &http.Client{Transport: http.DefaultTransport}
	return s
}

func (s *pluginHTTP) Send(ctx context.Context, url string, noFollow bool) error {
	ctx, cancel := context.WithTimeout(ctx, 10*time.Second)
	defer cancel()
	if noFollow {
		ctx = context.WithValue(ctx, noFollowKey{}, true)
	}
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

// hookHTTP is the twin: its requests carry a value on one path and no
// deadline on either.
type hookHTTP struct{ client *http.Client }

func newHookHTTP() *hookHTTP {
	s := &hookHTTP{}
	s.client = &http.Client{Transport: http.DefaultTransport} // want `^http.Client has no Timeout`
	return s
}

func (s *hookHTTP) Send(url string, noFollow bool) error { // want Send:`io\(detached: HTTP request via http.NewRequestWithContext\)`
	ctx := context.Background()
	if noFollow {
		ctx = context.WithValue(ctx, noFollowKey{}, true)
	}
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
