// Package oauthsdk stands for an SDK whose calls take a context and the
// client to send with, as an interface that *http.Client implements
// (slack-go's GetOAuthV2ResponseContext and its httpClient).
package oauthsdk

import (
	"context"
	"net/http"
)

// Doer sends requests: an *http.Client, or the caller's own.
type Doer interface {
	Do(req *http.Request) (*http.Response, error)
}

func Exchange(ctx context.Context, client Doer, code string) (string, error) {
	req, err := http.NewRequestWithContext(ctx, http.MethodPost, "https://oauth.example/token?code="+code, nil)
	if err != nil {
		return "", err
	}
	resp, err := client.Do(req)
	if err != nil {
		return "", err
	}
	return resp.Status, resp.Body.Close()
}
