// Package dockermetricstwin registers the scrape handler and a handler of
// its users on the default mux it serves: reported.
package dockermetricstwin

import (
	"net/http"

	"github.com/docker/go-metrics"
)

func ConfigureServer(addr string) {
	http.Handle("/metrics", metrics.Handler())
	http.HandleFunc("/items", func(w http.ResponseWriter, r *http.Request) { _, _ = w.Write([]byte(r.URL.Path)) })
	go func() { _ = http.ListenAndServe(addr, nil) }() // want `http.ListenAndServe serves with no read or write timeouts`
}
