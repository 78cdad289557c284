// Package handlers serves requests.
package handlers

import (
	"database/sql"
	"net/http"
	"strconv"

	"example.com/pluginapi/internal/export"
	"example.com/pluginapi/internal/syncer"
	"example.com/pluginapi/plugin"
)

type H struct {
	DB       *sql.DB
	Exporter plugin.Exporter
}

// Question builds one question's content per request.
func (h *H) Question(w http.ResponseWriter, r *http.Request) {
	id, _ := strconv.ParseInt(r.URL.Query().Get("id"), 10, 64)
	_ = syncer.ContentByID(r.Context(), h.DB, id)
}

// Export invokes the Exporter.
func (h *H) Export(w http.ResponseWriter, r *http.Request) {
	_, _ = h.Exporter.ExportPage(r.Context(), 0, 50)
	_, _ = h.Exporter.ExportVotes(r.Context(), 0, 50)
}

// Rows runs export.Rows per request.
func (h *H) Rows(w http.ResponseWriter, r *http.Request) {
	export.Rows(r.Context(), h.DB)
}
