// Package wiring builds the matcher over the SQL store: the first package
// that sees both, it resolves the handler's calls; the command that
// imports it reports them again, for a run on the command alone.
package wiring

import (
	"database/sql"

	"reachchain/handler"
	"reachchain/sqlstore"
)

func New(db *sql.DB) *handler.Matcher {
	return &handler.Matcher{DS: &sqlstore.SQLStore{DB: db}}
}
