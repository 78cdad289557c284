package servers

import (
	"expvar"
	"fmt"
	"net"
	"net/http"
	"net/http/pprof"
	"time"
)

func listen(h http.Handler) {
	_ = http.ListenAndServe(":8080", h)              // want `http.ListenAndServe serves with no read or write timeouts`
	_ = http.ListenAndServeTLS(":8443", "c", "k", h) // want `http.ListenAndServeTLS serves with no`
	var l net.Listener
	_ = http.Serve(l, h)              // want `http.Serve serves with no`
	_ = http.ServeTLS(l, h, "c", "k") // want `http.ServeTLS serves with no`
}

func bare(h http.Handler) error {
	srv := &http.Server{Addr: ":8080", Handler: h} // want `http.Server has no ReadHeaderTimeout or ReadTimeout`
	return srv.ListenAndServe()
}

func good(h http.Handler) error {
	srv := &http.Server{Addr: ":8080", Handler: h, ReadHeaderTimeout: 5 * time.Second}
	return srv.ListenAndServe()
}

func goodReadTimeout(h http.Handler) error {
	srv := &http.Server{Addr: ":8080", Handler: h, ReadTimeout: 5 * time.Second, WriteTimeout: 10 * time.Second}
	return srv.ListenAndServe()
}

func setLater(h http.Handler) error {
	srv := &http.Server{Addr: ":8080", Handler: h}
	srv.ReadHeaderTimeout = 2 * time.Second
	return srv.ListenAndServe()
}

func valueSetLater(h http.Handler) error {
	srv := http.Server{Addr: ":8080", Handler: h}
	srv.ReadTimeout = 2 * time.Second
	return srv.ListenAndServe()
}

func onlyWriteTimeout(h http.Handler) error {
	srv := &http.Server{Addr: ":8080", Handler: h, WriteTimeout: 5 * time.Second} // want `http.Server has no ReadHeaderTimeout or ReadTimeout`
	return srv.ListenAndServe()
}

func harden(s *http.Server) { s.ReadHeaderTimeout = time.Second }

func configuredElsewhere(h http.Handler) error {
	srv := &http.Server{Addr: ":8080", Handler: h}
	harden(srv)
	return srv.ListenAndServe()
}

// A server on a Unix socket serves local processes only (ntfy's
// listen-unix): no Slowloris exposure. The twin serves TCP.
type app struct{ unix, tcp net.Listener }

func (a *app) serveUnix(h http.Handler, path string) error {
	var err error
	a.unix, err = net.Listen("unix", path)
	if err != nil {
		return err
	}
	srv := &http.Server{Handler: h}
	return srv.Serve(a.unix)
}

func (a *app) serveTCP(h http.Handler, addr string) error {
	var err error
	a.tcp, err = net.Listen("tcp", addr)
	if err != nil {
		return err
	}
	srv := &http.Server{Handler: h} // want `http.Server has no ReadHeaderTimeout or ReadTimeout`
	return srv.Serve(a.tcp)
}

// http.Serve on a Unix socket (gogs' unix protocol) likewise; its twin
// serves TCP.
func serveUnixListener(h http.Handler, path string) error {
	l, err := net.ListenUnix("unix", &net.UnixAddr{Name: path, Net: "unix"})
	if err != nil {
		return err
	}
	return http.Serve(l, h)
}

func serveTCPListener(h http.Handler, addr string) error {
	l, err := net.Listen("tcp", addr)
	if err != nil {
		return err
	}
	return http.Serve(l, h) // want `http.Serve serves with no`
}

// The listener stored through a receiver that a goroutine's closure
// captures (ntfy's listen-unix): each use loads the receiver anew.
func (a *app) serveUnixAsync(h http.Handler, path string, errs chan<- error) {
	go func() {
		var err error
		a.unix, err = net.Listen("unix", path)
		if err != nil {
			errs <- err
			return
		}
		defer a.unix.Close()
		srv := &http.Server{Handler: h}
		errs <- srv.Serve(a.unix)
	}()
	a = nil // a is captured by reference
}

func (a *app) serveTCPAsync(h http.Handler, addr string, errs chan<- error) {
	go func() {
		var err error
		a.tcp, err = net.Listen("tcp", addr)
		if err != nil {
			errs <- err
			return
		}
		srv := &http.Server{Handler: h} // want `http.Server has no ReadHeaderTimeout or ReadTimeout`
		errs <- srv.Serve(a.tcp)
	}()
	a = nil
}

// Internal servers (serverrole): a listener on a loopback address (the
// CLI's token receiver on 127.0.0.1) and a server whose whole handler tree
// serves operators (a Prometheus scraper, pprof) are not the public
// server; each has a public twin.
func loopbackTokenReceiver(h http.Handler, port int) error {
	srv := &http.Server{Addr: fmt.Sprintf("127.0.0.1:%d", port), Handler: h}
	return srv.ListenAndServe()
}

func publicReceiver(h http.Handler, port int) error {
	srv := &http.Server{Addr: fmt.Sprintf(":%d", port), Handler: h} // want `http.Server has no ReadHeaderTimeout or ReadTimeout`
	return srv.ListenAndServe()
}

func loopbackListen(h http.Handler) {
	_ = http.ListenAndServe("localhost:6060", h)
	l, _ := net.Listen("tcp", "[::1]:0")
	_ = http.Serve(l, h)
}

func publicListen(h http.Handler) {
	_ = http.ListenAndServe("0.0.0.0:6060", h) // want `http.ListenAndServe serves with no`
	l, _ := net.Listen("tcp", ":0")
	_ = http.Serve(l, h) // want `http.Serve serves with no`
}

func profiler(addr string) error {
	mux := http.NewServeMux()
	mux.HandleFunc("/debug/pprof/", pprof.Index)
	mux.HandleFunc("/debug/pprof/profile", pprof.Profile)
	mux.Handle("/debug/vars", expvar.Handler())
	srv := &http.Server{Addr: addr, Handler: mux}
	return srv.ListenAndServe()
}

func profilerAndAPI(addr string, api http.HandlerFunc) error {
	mux := http.NewServeMux()
	mux.HandleFunc("/debug/pprof/", pprof.Index)
	mux.HandleFunc("/api/", api)
	srv := &http.Server{Addr: addr, Handler: mux} // want `http.Server has no ReadHeaderTimeout or ReadTimeout`
	return srv.ListenAndServe()
}

// telemetry's router is filled by a helper of the program, with pprof and
// a bound pprof handler only (moira's telemetry port): operators' too.
func telemetry(addr string) error {
	mux := http.NewServeMux()
	mountProfiler(mux)
	srv := &http.Server{Addr: addr, Handler: mux}
	return srv.ListenAndServe()
}

func mountProfiler(mux *http.ServeMux) {
	mux.HandleFunc("/debug/pprof/", pprof.Index)
	mux.HandleFunc("/debug/pprof/heap", pprof.Handler("heap").ServeHTTP)
}

// telemetryAndAPI's helpers mount the API too.
func telemetryAndAPI(addr string, api http.HandlerFunc) error {
	mux := http.NewServeMux()
	mountProfiler(mux)
	mountAPI(mux, api)
	srv := &http.Server{Addr: addr, Handler: mux} // want `http.Server has no ReadHeaderTimeout or ReadTimeout`
	return srv.ListenAndServe()
}

func mountAPI(mux *http.ServeMux, api http.HandlerFunc) { mux.HandleFunc("/api/", api) }

// refresh updates the gauges before each scrape and serves what it wraps
// (crowdsec's computeDynamicMetrics): a middleware of an operators'
// handler serves operators.
func refresh(next http.Handler) http.HandlerFunc {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		refreshed++
		next.ServeHTTP(w, r)
	})
}

var refreshed int

func refreshedProfiler(addr string) {
	_ = http.ListenAndServe(addr, refresh(pprof.Handler("heap")))
}

// withAPI serves a route of its own beside the handler it is handed: not
// a middleware of it.
func withAPI(next http.Handler) http.Handler {
	mux := http.NewServeMux()
	mux.Handle("/debug/", next)
	mux.HandleFunc("/api/", func(w http.ResponseWriter, r *http.Request) {})
	return mux
}

func profilerWithAPI(addr string) {
	_ = http.ListenAndServe(addr, withAPI(pprof.Handler("heap"))) // want `http.ListenAndServe serves with no`
}

func pprofOnly(addr string) {
	_ = http.ListenAndServe(addr, http.HandlerFunc(pprof.Index))
}

func handlerOnly(addr string, h http.HandlerFunc) {
	_ = http.ListenAndServe(addr, h) // want `http.ListenAndServe serves with no`
}

// A listener whose port the program reads back serves a port only the
// program knows and hands on: a temporary server its own proxy fetches
// downloads from (alist), a command that opens the user's browser on it
// (shiori's open). Each has a twin that listens on a port it publishes.
type tempDownloads struct {
	port int
	srv  *http.Server
}

func (d *tempDownloads) start(h http.Handler) error {
	l, err := net.Listen("tcp", ":0")
	if err != nil {
		return err
	}
	d.port = l.Addr().(*net.TCPAddr).Port
	d.srv = &http.Server{Handler: h}
	go func() { _ = d.srv.Serve(l) }()
	return nil
}

func (d *tempDownloads) startPublished(h http.Handler) error {
	l, err := net.Listen("tcp", ":8081")
	if err != nil {
		return err
	}
	d.srv = &http.Server{Handler: h} // want `http.Server has no ReadHeaderTimeout or ReadTimeout`
	go func() { _ = d.srv.Serve(l) }()
	return nil
}

func openArchive(h http.Handler, port int) {
	l, err := net.Listen("tcp", fmt.Sprintf(":%d", port))
	if err != nil {
		return
	}
	fmt.Printf("archive served on http://localhost:%d\n", l.Addr().(*net.TCPAddr).Port)
	_ = http.Serve(l, h)
}

func serveArchive(h http.Handler, port int) {
	l, err := net.Listen("tcp", fmt.Sprintf(":%d", port))
	if err != nil {
		return
	}
	_ = http.Serve(l, h) // want `http.Serve serves with no`
}
