// Command exporter is tinode's monitoring exporter: the default mux serves
// the scrape endpoint, at a path from a flag, and a /push trigger whose
// handler ignores its request. It is a monitoring sidecar, not a server of
// users: not reported.
package main

import (
	"flag"
	"net/http"

	"github.com/prometheus/client_golang/prometheus/promhttp"
)

func main() {
	path := flag.String("metrics_path", "/metrics", "")
	flag.Parse()
	http.Handle(*path, promhttp.Handler())
	http.HandleFunc("/push", func(w http.ResponseWriter, r *http.Request) {
		_, _ = w.Write([]byte("pushed"))
	})
	_ = http.ListenAndServe(":9000", nil)
}
