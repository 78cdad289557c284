// Package helperclient keeps clients with no Timeout in struct fields and
// hands them to helpers of the package. The notifier's helper sends the
// request its caller made with the caller's context (flagr's
// doRequestWithRetry): bounded, not reported. The mirror's helper sends a
// Get of its own, with no context: reported.
package helperclient

import (
	"bytes"
	"context"
	"net/http"
	"time"
)

type Notifier struct{ client *http.Client }

func NewNotifier() *Notifier {
	return &Notifier{client: &http.Client{}}
}

func (n *Notifier) Send(ctx context.Context, url string, body []byte) error { // want Send:`io\(ctx1: HTTP request via http.NewRequestWithContext\)`
	req, err := http.NewRequestWithContext(ctx, http.MethodPost, url, bytes.NewReader(body))
	if err != nil {
		return err
	}
	resp, err := doWithRetry(ctx, n.client, req, 3)
	if err != nil {
		return err
	}
	return resp.Body.Close()
}

func doWithRetry(ctx context.Context, client *http.Client, req *http.Request, tries int) (*http.Response, error) {
	var err error
	for i := 0; i < tries; i++ {
		var resp *http.Response
		if resp, err = client.Do(req); err == nil {
			return resp, nil
		}
		select {
		case <-ctx.Done():
			return nil, ctx.Err()
		case <-time.After(time.Second):
		}
	}
	return nil, err
}

type Mirror struct{ client *http.Client }

func NewMirror() *Mirror {
	return &Mirror{client: &http.Client{}} // want `http.Client has no Timeout`
}

func (m *Mirror) Fetch(url string) error { // want Fetch:`io\(detached: HTTP request via helperclient.fetch → \(\*http.Client\).Get\)`
	return fetch(m.client, url)
}

func fetch(client *http.Client, url string) error {
	resp, err := client.Get(url)
	if err != nil {
		return err
	}
	return resp.Body.Close()
}
