// Package defaultredirect sets a redirect guard on http.DefaultClient
// (homebox's notifier guard): configuring the default client sends
// nothing, and is not reported; its twin, a request through the default
// client, is.
package defaultredirect

import (
	"errors"
	"net/http"
)

func init() {
	http.DefaultClient.CheckRedirect = func(req *http.Request, via []*http.Request) error {
		if len(via) > 3 {
			return errors.New("too many redirects")
		}
		return nil
	}
	http.DefaultClient.Jar = nil
}

func notify(url string) {
	_, _ = http.DefaultClient.Get(url) // want `http.DefaultClient.Get has no timeout`
}
