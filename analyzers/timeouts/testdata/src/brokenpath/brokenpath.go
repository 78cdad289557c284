// Package brokenpath does not type-check. serveFavicon builds a request
// for a path of the program's own and serves it in the process
// (filestash's ServeFavicon, in a package whose dependency does not
// type-check): no client can send a URL with no scheme or host. Not
// reported; broken's proxyFavicon, its twin, builds one for another host.
// healthz fetches the program's own page on a loopback host with the
// scheme as a verb (filestash's /healthz): not reported; broken's handler,
// its twin, fetches another host.
package brokenpath

import (
	"fmt"
	"net/http"
)

func serveFavicon(w http.ResponseWriter, r *http.Request) {
	req, _ := http.NewRequest(http.MethodGet, "/favicon.svg", nil)
	serveFile("/assets/")(w, req)
}

func serveFile(dir string) http.HandlerFunc {
	return func(w http.ResponseWriter, r *http.Request) { undefined() }
}

func healthz(w http.ResponseWriter, r *http.Request) {
	_, _ = http.Get(fmt.Sprintf("%s://127.0.0.1:%d/about", "http", 8334))
}
