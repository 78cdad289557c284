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

// The helper bounds the value from above (its default is no clamp), but
// ?limit=0 passes, WithLimit does not store it and GetEntries writes no
// LIMIT.
func (h *handler) entriesHelperMax(w http.ResponseWriter, r *http.Request) {
	limit := reqhelper.QueryIntParamMax(r, "limit", 20, 100)
	h.store.NewEntryQueryBuilder().WithLimit(limit).GetEntries() // want `page size from query parameter "limit" turns the LIMIT of`
}

// The same through the builder method that replaces 0 or less.
func (h *handler) entriesHelperMaxAndMaximum(w http.ResponseWriter, r *http.Request) {
	limit := reqhelper.QueryIntParamMax(r, "limit", 20, 100)
	h.store.NewEntryQueryBuilder().WithLimitAndMaximum(limit, 100).GetEntries()
}

// A limit the client does not choose.
func (h *handler) entriesFixed(w http.ResponseWriter, r *http.Request) {
	offset := reqhelper.QueryIntParam(r, "offset", 0)
	h.store.NewEntryQueryBuilder().WithOffset(offset).WithLimit(50).GetEntries()
}

// A capped limit that 0 turns off (miniflux before fbbff63): ?limit=0
// reads every entry.
func (h *handler) entriesCappedZero(w http.ResponseWriter, r *http.Request) {
	limit := reqhelper.QueryIntParam(r, "limit", 100)
	h.store.NewEntryQueryBuilder().WithLimitCapped(limit).WithFeedID(1).GetEntries() // want `page size from query parameter "limit" turns the LIMIT of \(\*entrystore.EntryQueryBuilder\).GetEntries → \(\*entrystore.EntryQueryBuilder\).buildSorting \(entrystore/entrystore.go:\d+\) off when it is 0 or less`
}

// The same with a non-positive page size replaced by the default first.
func (h *handler) entriesCappedDefault(w http.ResponseWriter, r *http.Request) {
	limit := reqhelper.QueryIntParam(r, "limit", 100)
	if limit <= 0 {
		limit = 100
	}
	h.store.NewEntryQueryBuilder().WithLimitCapped(limit).WithFeedID(1).GetEntries()
}

// The same with a non-positive page size refused.
func (h *handler) entriesCappedRefused(w http.ResponseWriter, r *http.Request) {
	limit := reqhelper.QueryIntParam(r, "limit", 100)
	if limit < 1 {
		http.Error(w, "bad limit", http.StatusBadRequest)
		return
	}
	builder := h.store.NewEntryQueryBuilder()
	builder.WithLimitCapped(limit)
	builder.GetEntries()
}

// Statement form, 0 not refused.
func (h *handler) entriesCappedStatements(w http.ResponseWriter, r *http.Request) {
	limit := reqhelper.QueryIntParam(r, "limit", 100)
	builder := h.store.NewEntryQueryBuilder()
	builder.WithLimitCapped(limit)
	builder.GetEntries() // want `page size from query parameter "limit" turns the LIMIT of`
}

// Through the store's helper, and its twin that replaces 0 first.
func (h *handler) entriesPage(w http.ResponseWriter, r *http.Request) {
	h.store.EntriesPage(reqhelper.QueryIntParam(r, "limit", 100)) // want `page size from query parameter "limit" turns the LIMIT of \(\*entrystore.Storage\).EntriesPage`
}

func (h *handler) entriesPageDefault(w http.ResponseWriter, r *http.Request) {
	h.store.EntriesPageDefault(reqhelper.QueryIntParam(r, "limit", 100))
}

// A LIMIT written either way: 0 is no off switch.
func (h *handler) entriesElse(w http.ResponseWriter, r *http.Request) {
	limit := reqhelper.QueryIntParam(r, "limit", 100)
	h.store.NewEntryQueryBuilder().WithLimitCapped(limit).GetEntriesDefault()
}

// Reassigned under ifs and through a filter helper that returns the
// builder (miniflux's findEntries and configureFilters).
func (h *handler) entriesFiltered(w http.ResponseWriter, r *http.Request) {
	limit := reqhelper.QueryIntParam(r, "limit", 100)
	builder := h.store.NewEntryQueryBuilder().
		WithFeedID(1).
		WithLimitCapped(limit)
	if r.URL.Query().Has("feed") {
		builder = builder.WithFeedID(2)
	}
	builder = filters(builder, r)
	builder.GetEntries() // want `page size from query parameter "limit" turns the LIMIT of`
}

func filters(builder *entrystore.EntryQueryBuilder, r *http.Request) *entrystore.EntryQueryBuilder {
	if id := reqhelper.QueryIntParam(r, "feed", 0); id > 0 {
		builder = builder.WithFeedID(int64(id))
	}
	if r.URL.Query().Has("other") {
		builder = builder.WithFeedID(3)
	}
	return builder
}
