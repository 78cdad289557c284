// Package broken does not type-check; the syntactic rules still run.
package broken

import (
	"database/sql"
	"net"
	"net/http"
)

var db *sql.DB

func handler(w http.ResponseWriter, r *http.Request) {
	_, _ = http.Get("http://example.com") // want `http.Get sends the request through http.DefaultClient`
	_, _ = db.Query("SELECT 1")           // want `\(\*sql.DB\).Query in a request path has no context`
	undefined()
	c := &http.Client{} // needs flow analysis: not reported in an ill-typed package
	_ = c
}

// serveSocket serves on a Unix socket in a package that does not
// type-check (gogs' web package): local clients only, decided from the
// syntax.
func serveSocket(h http.Handler) error {
	var listener *net.UnixListener
	var err error
	listener, err = net.ListenUnix("unix", &net.UnixAddr{Name: "/run/app.sock", Net: "unix"})
	if err != nil {
		return err
	}
	return http.Serve(listener, h)
}

// serveTCP is the twin: a TCP listener faces the network.
func serveTCP(h http.Handler) error {
	listener, err := net.Listen("tcp", ":8080")
	if err != nil {
		return err
	}
	return http.Serve(listener, h) // want `http.Serve serves with no read or write timeouts`
}

// proxyFavicon builds a request for another host and hands it on: the
// twin of brokenpath's serveFavicon.
func proxyFavicon(w http.ResponseWriter, r *http.Request) {
	req, _ := http.NewRequest(http.MethodGet, "https://cdn.example.com/favicon.svg", nil) // want `http.NewRequest in a request path has no context`
	serveFile("/assets/")(w, req)
}

func serveFile(dir string) http.HandlerFunc {
	return func(w http.ResponseWriter, r *http.Request) { undefined() }
}
