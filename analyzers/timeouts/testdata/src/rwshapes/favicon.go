package rwshapes

import (
	"net/http"

	"safeclient"
)

// faviconHandler fetches pages through a client made in another package
// with a 10-second Timeout (notifuse's safehttpclient.New): the request
// ends within the plan's query_timeout, in the handler and in the helper
// it hands the client to. Its twin's client allows a minute.
type faviconHandler struct{ client *http.Client }

func newFaviconHandler() *faviconHandler {
	return &faviconHandler{client: safeclient.New()}
}

func (h *faviconHandler) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	resp, err := h.client.Get(r.FormValue("url"))
	if err != nil {
		return
	}
	_ = resp.Body.Close()
	_ = tryFavicon(r.FormValue("url"), h.client)
}

func tryFavicon(base string, client *http.Client) bool {
	resp, err := client.Head(base + "/favicon.ico")
	if err != nil {
		return false
	}
	return resp.Body.Close() == nil
}

type slowFaviconHandler struct{ client *http.Client }

func newSlowFaviconHandler() *slowFaviconHandler {
	return &slowFaviconHandler{client: safeclient.NewSlow()}
}

func (h *slowFaviconHandler) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	resp, err := h.client.Get(r.FormValue("url")) // want `\(\*http.Client\).Get in a request path has no context`
	if err != nil {
		return
	}
	_ = resp.Body.Close()
	_ = trySlowFavicon(r.FormValue("url"), h.client)
}

func trySlowFavicon(base string, client *http.Client) bool { // want `^rwshapes.trySlowFavicon runs an HTTP request with no context`
	resp, err := client.Head(base + "/favicon.ico")
	if err != nil {
		return false
	}
	return resp.Body.Close() == nil
}

var (
	_ = newFaviconHandler
	_ = newSlowFaviconHandler
)
