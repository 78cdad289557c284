// Package selfdial waits for its own HTTP server before it starts a
// playground (openfga): a dial of the address the server listens on, read
// through the same fields, connects or is refused at once. Its twin dials
// an upstream read through another field, and is reported.
package selfdial

import (
	"net"
	"net/http"
	"time"
)

type HTTPConfig struct{ Addr string }

type Config struct {
	HTTP     HTTPConfig
	Upstream HTTPConfig
}

func serve(config *Config, h http.Handler) error {
	srv := &http.Server{Addr: config.HTTP.Addr, Handler: h, ReadHeaderTimeout: time.Second}
	return srv.ListenAndServe()
}

func waitForServer(cfg *Config) error {
	conn, err := net.Dial("tcp", cfg.HTTP.Addr)
	if err != nil {
		return err
	}
	return conn.Close()
}

func probeUpstream(cfg *Config) error {
	conn, err := net.Dial("tcp", cfg.Upstream.Addr) // want `net.Dial has no timeout`
	if err != nil {
		return err
	}
	return conn.Close()
}
