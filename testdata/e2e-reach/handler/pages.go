package handler

import (
	"net/http"
	"strconv"

	"example.com/reach/store"
)

// PageHandler pages through store.Pages; the implementation
// (postgres.Pages) is cmd/server's: pagesize reports from there.
type PageHandler struct{ Pages store.Pages }

func (h *PageHandler) List(w http.ResponseWriter, r *http.Request) {
	limit, _ := strconv.Atoi(r.URL.Query().Get("limit"))
	h.Pages.ListPage(r.Context(), limit)
}

// The clamped twin.
func (h *PageHandler) ListClamped(w http.ResponseWriter, r *http.Request) {
	limit, _ := strconv.Atoi(r.URL.Query().Get("limit"))
	h.Pages.ListPage(r.Context(), min(limit, 100))
}
