// Package readsmore imports package reads, which reported the read of
// every category at its cause: its own request path that reaches the
// same read does not report it again.
package readsmore

import (
	"net/http"

	"reads"
	"repo"
)

type H struct {
	api  *reads.API
	repo *repo.Repo
}

func (h *H) categories(w http.ResponseWriter, r *http.Request) {
	h.repo.Categories(r.Context())
}
