// Package inprocessreq builds a request for a path of its own and hands
// it to one of its handlers (filestash's ServeFavicon): a URL with no
// scheme or host, which no client can send, served in the process. Not
// reported. The twin builds one for another host and hands it to a
// helper that sends it.
package inprocessreq

import "net/http"

// serveFile returns the handler of a directory of static files.
func serveFile(dir string) http.HandlerFunc {
	return func(w http.ResponseWriter, r *http.Request) {
		_, _ = w.Write([]byte(dir + r.URL.Path))
	}
}

func serveFavicon(w http.ResponseWriter, r *http.Request) {
	req, _ := http.NewRequest(http.MethodGet, "/favicon.svg", nil)
	serveFile("/assets/")(w, req)
}

func send(r *http.Request) {
	resp, err := client.Do(r)
	if err == nil {
		_ = resp.Body.Close()
	}
}

var client = &http.Client{Timeout: 30e9}

func proxyFavicon(w http.ResponseWriter, r *http.Request) {
	req, _ := http.NewRequest(http.MethodGet, "https://cdn.example.com/favicon.svg", nil) // want `http.NewRequest in a request path has no context`
	send(req)
}

func Register(mux *http.ServeMux) {
	mux.HandleFunc("/favicon.ico", serveFavicon)
	mux.HandleFunc("/cdn-favicon.ico", proxyFavicon)
}
