// Command clicallback is woodpecker's cli/setup: a local server that
// receives one OAuth callback and is shut down when the function returns
// is not a service and is not reported; the command's other server, which
// runs until the process stops, is.
package main

import (
	"context"
	"net/http"
	"time"
)

func callback(w http.ResponseWriter, r *http.Request) {}

func fetchToken(ctx context.Context) string {
	mux := http.NewServeMux()
	mux.HandleFunc("/token", callback)
	srv := &http.Server{Addr: "127.0.0.1:8081", Handler: mux, ReadHeaderTimeout: time.Second}
	go func() {
		_ = srv.ListenAndServe()
	}()
	defer func() {
		_ = srv.Shutdown(ctx)
	}()
	return "token"
}

func main() {
	_ = fetchToken(context.Background())
	mux := http.NewServeMux()
	mux.HandleFunc("/api", callback)
	srv := &http.Server{Addr: ":8080", Handler: mux, ReadHeaderTimeout: time.Second}
	_ = srv.ListenAndServe() // want `the program served here does not define http_request_duration_seconds`
}
