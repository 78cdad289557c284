// Package rwprobeuser is rwprobe's twin: one handler of the default mux
// reads its request, so the server serves users.
package rwprobeuser

import "net/http"

func init() {
	http.HandleFunc("/healthz", healthz)
	http.HandleFunc("/echo", func(w http.ResponseWriter, r *http.Request) { _, _ = w.Write([]byte(r.URL.Path)) })
}

func healthz(w http.ResponseWriter, _ *http.Request) { w.WriteHeader(http.StatusOK) }

func Serve(addr string) error {
	server := &http.Server{Addr: addr} // want `^http.Server has no ReadHeaderTimeout or ReadTimeout`
	return server.ListenAndServe()
}

func ServeFunc(addr string) error { return http.ListenAndServe(addr, nil) } // want `^http.ListenAndServe serves with no read or write timeouts`
