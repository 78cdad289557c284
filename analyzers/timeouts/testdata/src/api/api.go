// Package api calls repo's helpers from request paths.
package api

import (
	"context"
	"net/http"
	"time"

	"repo"
)

var store *repo.Store

func user(w http.ResponseWriter, r *http.Request) {
	_, _ = store.UserName(context.Background(), 1) // want `\(\*repo.Store\).UserName runs a database query \(\(\*sql.DB\).QueryRowContext\) with context.Background\(\) in a request path`
	_, _ = store.UserName(r.Context(), 1)
}

func names(w http.ResponseWriter, r *http.Request) {
	_, _ = store.Names(context.TODO()) // want `\(\*repo.Store\).Names runs a database query \(\(\*repo.Store\).UserName → \(\*sql.DB\).QueryRowContext\) with context.TODO\(\)`
	_, _ = store.Names(r.Context())
}

func count(w http.ResponseWriter, r *http.Request) {
	// Both reach repo's Count, the cause: reported once, at Count.
	_, _ = store.Count()
	_, _ = store.CountVia()
	_ = store.Audit(r.Context(), "seen")
	_ = repo.Pure(1, 2)
}

func job() {
	// Not a request path.
	_, _ = store.Count()
	_, _ = store.UserName(context.Background(), 1)
}

func slowQuery(w http.ResponseWriter, r *http.Request) {
	ctx, cancel := context.WithTimeout(r.Context(), 20*time.Second) // want `context deadline of 20s bounds a database query \(\(\*repo.Store\).UserName → \(\*sql.DB\).QueryRowContext\), longer than the plan's query_timeout \(10s\)`
	defer cancel()
	_, _ = store.UserName(ctx, 1)
}

func quickQuery(w http.ResponseWriter, r *http.Request) {
	ctx, cancel := context.WithTimeout(r.Context(), 2*time.Second)
	defer cancel()
	_, _ = store.UserName(ctx, 1)
}
