// Command loopbacksrv serves its API publicly and, for its CLI's login, a
// token receiver on 127.0.0.1 (serverrole): only the public server is
// held to the plan's metrics, and the loopback one is not related.
package main

import (
	"fmt"
	"net"
	"net/http"
	"time"
)

// A token receiver started in a goroutine and shut down when the function
// returns (woodpecker's CLI setup): the goroutine serves the captured
// server, still on a loopback address.
func receiveAsync(port int, h http.Handler) {
	srv := &http.Server{Addr: fmt.Sprintf("127.0.0.1:%d", port), ReadHeaderTimeout: time.Second}
	srv.Handler = h
	go func() {
		_ = srv.ListenAndServe()
	}()
	defer func() { _ = srv.Close() }()
}

func receiveToken(port int, h http.Handler) error {
	srv := &http.Server{Addr: fmt.Sprintf("127.0.0.1:%d", port), Handler: h, ReadHeaderTimeout: time.Second}
	return srv.ListenAndServe()
}

func receiveLocal(h http.Handler) error {
	l, err := net.Listen("tcp", "localhost:0")
	if err != nil {
		return err
	}
	return http.Serve(l, h)
}

func main() {
	api := http.NewServeMux()
	api.HandleFunc("/api/items", func(w http.ResponseWriter, r *http.Request) {})
	_ = receiveToken(8085, api)
	_ = receiveLocal(api)
	receiveAsync(8086, api)
	srv := &http.Server{Addr: ":8080", Handler: api, ReadHeaderTimeout: time.Second}
	_ = srv.ListenAndServe() // want `the program served here does not define http_request_duration_seconds`
}
