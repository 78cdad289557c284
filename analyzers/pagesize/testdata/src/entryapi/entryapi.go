// Package entryapi reads the page size with the program's own request
// helper and hands it to the program's query builder, which writes it
// into the SQL text.
package entryapi

import (
	"net/http"

	"entrystore"
	"reqhelper"
)

type handler struct{ store *entrystore.Storage }

func (h *handler) entries(w http.ResponseWriter, r *http.Request) {
	limit := reqhelper.QueryIntParam(r, "limit", 100)
	offset := reqhelper.QueryIntParam(r, "offset", 0)
	builder := h.store.NewEntryQueryBuilder()
	builder.WithFeedID(1)
	builder.WithOffset(offset)
	builder.WithLimit(limit)
	builder.GetEntries() // want `page size from query parameter "limit" reaches LIMIT through \(\*entrystore.EntryQueryBuilder\).GetEntries`
}

func (h *handler) entriesClamped(w http.ResponseWriter, r *http.Request) {
	limit := reqhelper.QueryIntParam(r, "limit", 100)
	builder := h.store.NewEntryQueryBuilder()
	builder.WithFeedID(1)
	builder.WithLimitClamped(limit)
	builder.GetEntries()
}

func (h *handler) entriesChained(w http.ResponseWriter, r *http.Request) {
	limit := reqhelper.QueryIntParam(r, "limit", 100)
	h.store.NewEntryQueryBuilder().WithLimit(limit).WithFeedID(1).GetEntries() // want `page size from query parameter "limit" reaches LIMIT through`
}

func (h *handler) entriesChainedClamped(w http.ResponseWriter, r *http.Request) {
	limit := reqhelper.QueryIntParam(r, "limit", 100)
	h.store.NewEntryQueryBuilder().WithLimitAndMaximum(limit, 50).WithFeedID(1).GetEntries()
}

// The helper's default is not a clamp: only the request's value counts.
func (h *handler) entriesHelperMax(w http.ResponseWriter, r *http.Request) {
	limit := reqhelper.QueryIntParamMax(r, "limit", 20, 100)
	h.store.NewEntryQueryBuilder().WithLimit(limit).GetEntries()
}

// A limit the client does not choose.
func (h *handler) entriesFixed(w http.ResponseWriter, r *http.Request) {
	offset := reqhelper.QueryIntParam(r, "offset", 0)
	h.store.NewEntryQueryBuilder().WithOffset(offset).WithLimit(50).GetEntries()
}
