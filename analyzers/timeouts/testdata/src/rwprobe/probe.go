// Package rwprobe serves the default mux with probes only (woodpecker's
// agent healthcheck): not reported.
package rwprobe

import "net/http"

func init() {
	http.HandleFunc("/healthz", healthz)
	http.HandleFunc("/version", func(w http.ResponseWriter, _ *http.Request) { _, _ = w.Write([]byte("1.0")) })
}

func healthz(w http.ResponseWriter, _ *http.Request) { w.WriteHeader(http.StatusOK) }

func Serve(addr string) error {
	server := &http.Server{Addr: addr}
	return server.ListenAndServe()
}

func ServeFunc(addr string) error { return http.ListenAndServe(addr, nil) }
