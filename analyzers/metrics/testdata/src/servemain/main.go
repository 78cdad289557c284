// Command servemain serves through servelib's helpers.
package main

import (
	"net/http"

	"servelib"
)

func page(w http.ResponseWriter, r *http.Request) {}

func main() {
	mux := http.NewServeMux()
	mux.HandleFunc("/", page)
	go servelib.Serve(mux)                  // want `the program served here does not define http_request_duration_seconds`
	go (&servelib.Server{Mux: mux}).Start() // related to the finding above
	servelib.Handler = mux
	_ = servelib.RunGlobal() // unknown to the analyzer: serves a global
}

type config struct{ Addr, Name string }

func newMux(name string) *http.ServeMux {
	mux := http.NewServeMux()
	mux.HandleFunc("/"+name, page)
	return mux
}

// run serves a router it makes from its configuration: it is the server
// of this program, not a helper serving its caller's handler.
func run(cfg config) error {
	return http.ListenAndServe(cfg.Addr, servelib.Named(cfg.Name, newMux(cfg.Name)))
}

// greet serves a handler that reads its configuration.
func greet(cfg config) error {
	return http.ListenAndServe(cfg.Addr, http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		_, _ = w.Write([]byte(cfg.Name))
	}))
}

func init() {
	go run(config{Addr: ":8081", Name: "a"})
	go greet(config{Addr: ":8082", Name: "b"})
}
