// Package app wires the handlers to their storage: it imports both api
// and crosspkg/pgstore, and resolves api's open calls.
package app

import (
	"database/sql"
	"net/http"

	"crosspkg/pgstore"
	"wired/api"
)

func New(db *sql.DB) http.Handler {
	return api.Routes(&api.Handler{Store: pgstore.New(db)})
}
