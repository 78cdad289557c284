// Package layerui holds handlers that call layerstore, a layer that takes
// no context anywhere.
package layerui

import (
	"database/sql"
	"net/http"

	"layerstore"
)

var (
	store *layerstore.Store
	db    *sql.DB
)

func entries(w http.ResponseWriter, r *http.Request) {
	_ = layerstore.Latest(r)
	_ = store.Entries()
	_ = store.Feed()
	_ = layerstore.Count(db)
}

func admin(w http.ResponseWriter, r *http.Request) {
	_ = layerstore.Purge(db)
	_ = store.Fetch("https://example.com/feed")
	_ = layerstore.Notify("https://example.com/hook")
}
