// Package servelib starts servers for its callers.
package servelib

import "net/http"

// Serve serves the caller's handler: the caller's program is checked
// where it calls Serve.
func Serve(h http.Handler) error { // want Serve:`serves\(param 0\)`
	return http.ListenAndServe(":8080", h)
}

// Server serves its router.
type Server struct {
	Mux *http.ServeMux
}

// Start serves the router the caller set.
func (s *Server) Start() error { // want Start:`serves\(param 0\)`
	return http.ListenAndServe(":8080", s.Mux)
}

// ServeOn serves the caller's handler from a server literal.
func ServeOn(addr string, h http.Handler) error { // want ServeOn:`serves\(param 1\)`
	srv := &http.Server{Addr: addr, Handler: h}
	return srv.ListenAndServe()
}

// Wrapped serves the caller's handler behind a handler of its own.
func Wrapped(h http.Handler) error { // want Wrapped:`serves\(param 0\)`
	return http.ListenAndServe(":8080", http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		h.ServeHTTP(w, r)
	}))
}

func page(w http.ResponseWriter, r *http.Request) {}

// Run serves a router it makes: this package's own server.
func Run() error {
	mux := http.NewServeMux()
	mux.HandleFunc("/", page)
	return http.ListenAndServe(":8080", mux) // want `the program served here does not define http_request_duration_seconds`
}

// Handler is set by the program.
var Handler http.Handler

// RunGlobal serves what the program set: not this package's server.
func RunGlobal() error {
	return http.ListenAndServe(":8080", Handler)
}

// Stub holds a server of any kind.
type Stub struct {
	S any
}

// StartHandler serves the stub's server, if it is a handler.
func (ss *Stub) StartHandler() { // want StartHandler:`serves\(param 0\)`
	handler, ok := ss.S.(interface{ http.Handler })
	if !ok {
		return
	}
	hs := &http.Server{Handler: handler}
	go hs.ListenAndServe()
	defer func() { _ = hs.Close() }() // captures hs
}

// ServeBoth serves the caller's handler from a goroutine.
func ServeBoth(handler http.Handler) error { // want ServeBoth:`serves\(param 0\)`
	if handler == nil {
		handler = http.DefaultServeMux
	}
	errc := make(chan error, 1)
	go func() {
		errc <- http.ListenAndServe(":8080", http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
			handler.ServeHTTP(w, r)
		}))
	}()
	return <-errc
}

// ServeDefault serves the caller's handler, or http.DefaultServeMux.
func ServeDefault(handler http.Handler) error { // want ServeDefault:`serves\(param 0\)`
	if handler == nil {
		handler = http.DefaultServeMux
	}
	return http.ListenAndServe(":8080", http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		handler.ServeHTTP(w, r)
	}))
}

// Named returns the handler under a name: a library call that takes both.
func Named(name string, h http.Handler) http.Handler { return h }

// Config configures RunConfig and Greet.
type Config struct{ Addr, Name string }

func newMux(name string) *http.ServeMux {
	mux := http.NewServeMux()
	mux.HandleFunc("/"+name, page)
	return mux
}

// RunConfig serves a router it makes from its configuration: its own
// server (related to the finding at Run), not a helper serving its
// caller's handler, so it has no fact.
func RunConfig(cfg Config) error {
	return http.ListenAndServe(cfg.Addr, Named(cfg.Name, newMux(cfg.Name)))
}

// Greet serves a handler that reads its configuration: its own server.
func Greet(cfg Config) error {
	return http.ListenAndServe(cfg.Addr, http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		_, _ = w.Write([]byte(cfg.Name))
	}))
}

// App is ntfy's server.Server: Run serves the server its receiver holds,
// and a mux of its own, which this package checks; a caller's app.Run() is
// not reported again.
type App struct {
	HTTP *http.Server
}

// Run serves the receiver's server and its own mux.
func (a *App) Run() error { // want Run:`serves\(param 0, checked\)`
	go func() { _ = a.HTTP.ListenAndServe() }()
	mux := http.NewServeMux()
	mux.HandleFunc("/", page)
	local := &http.Server{Addr: ":8081", Handler: mux}
	return local.ListenAndServe() // related to the finding at Run above
}
