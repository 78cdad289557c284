package main

import (
	"database/sql"
	"net/http"

	"example.com/pluginapi/internal/handlers"
	"example.com/pluginapi/internal/pg"
	"example.com/pluginapi/internal/syncer"
	"example.com/pluginapi/plugin"
)

func main() {
	db := &sql.DB{}
	for _, s := range plugin.Searches() {
		s.RegisterSyncer(syncer.New(db, &pg.Counter{DB: db}))
	}
	h := &handlers.H{DB: db, Exporter: syncer.NewExporter(db, &pg.Counter{DB: db})}
	http.HandleFunc("/q", h.Question)
	http.HandleFunc("/export", h.Export)
	http.HandleFunc("/rows", h.Rows)
	http.Handle("/sync", syncer.Handler(db))
	_ = http.ListenAndServe(":8080", nil)
}
