package main

import (
	"context"
	"database/sql"
	"net/http"

	"jobentry/cmd/validate"
	"jobentry/internal/files"
	"jobentry/internal/handlers"
	"jobentry/internal/pg"
	"jobentry/internal/scheduler"
)

func main() {
	svc := &files.Service{Users: &pg.Users{DB: &sql.DB{}}}
	scheduler.Start(svc)
	files.Warm(context.Background())
	h := handlers.New(svc)
	http.HandleFunc("/reindex", h.ServeReindex)
	http.HandleFunc("/sweep", h.ServeSweep)
	http.HandleFunc("/audit", h.ServeAudit)
	http.HandleFunc("/check", h.ServeCheck)
	http.HandleFunc("/rebuild", h.ServeRebuild)
	http.HandleFunc("/summary", h.ServeSummary)
	_ = validate.NewCommand().Execute()
	_ = http.ListenAndServe(":8080", nil)
}
