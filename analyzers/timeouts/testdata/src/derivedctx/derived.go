// Package derivedctx sends its request under a context that a helper of
// the program derives from the caller's (3x-ui's FetchCertFingerprint):
// the caller's context bounds it, as if it were passed as it is. Its twin
// sends under a context the helper makes of its own.
package derivedctx

import (
	"context"
	"net/http"

	"example.com/netsafe"
)

func Fingerprint(ctx context.Context, url string, allow bool) error { // want Fingerprint:`io\(ctx0: HTTP request via http.NewRequestWithContext\)`
	req, err := http.NewRequestWithContext(netsafe.ContextWithAllowPrivate(ctx, allow), http.MethodGet, url, nil)
	if err != nil {
		return err
	}
	client := &http.Client{}
	resp, err := client.Do(req)
	if err != nil {
		return err
	}
	return resp.Body.Close()
}

func FingerprintDetached(url string, allow bool) error {
	req, err := http.NewRequestWithContext(netsafe.Detached(allow), http.MethodGet, url, nil)
	if err != nil {
		return err
	}
	client := &http.Client{} // want `http.Client has no Timeout`
	resp, err := client.Do(req)
	if err != nil {
		return err
	}
	return resp.Body.Close()
}
