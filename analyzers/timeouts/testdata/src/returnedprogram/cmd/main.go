package main

import (
	"net/http"
	"time"

	"returnedprogram/cli"
	"returnedprogram/legacy"
	"returnedprogram/service"
)

func main() {
	_ = service.CheckUpdate()
	_ = cli.Readyz
	mux := http.NewServeMux()
	mux.Handle("/status", service.Handler())
	mux.Handle("/legacy", legacy.Handler())
	srv := &http.Server{Addr: ":8080", Handler: mux, ReadHeaderTimeout: 5 * time.Second, ReadTimeout: 10 * time.Second, WriteTimeout: 10 * time.Second}
	_ = srv.ListenAndServe()
}
