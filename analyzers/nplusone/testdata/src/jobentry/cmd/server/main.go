package main

import (
	"net/http"

	"jobentry/internal/files"
	"jobentry/internal/handlers"
	"jobentry/internal/scheduler"
)

func main() {
	svc := &files.Service{}
	scheduler.Start(svc)
	h := handlers.New(svc)
	http.HandleFunc("/reindex", h.ServeReindex)
	http.HandleFunc("/sweep", h.ServeSweep)
	_ = http.ListenAndServe(":8080", nil)
}
