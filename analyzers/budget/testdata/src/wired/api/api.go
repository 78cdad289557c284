// Package api registers routes whose handlers reach their storage through
// store.Store, whose implementations it cannot see: each open call costs
// nothing here, and the package reports none of these routes itself. The
// package that wires the implementation in (app) resolves them and reports
// at these registrations.
package api

import (
	"net/http"

	"wired/store"
)

type Handler struct {
	Store store.Store
	Tags  store.Tags
}

func Routes(h *Handler) *http.ServeMux {
	mux := http.NewServeMux()
	mux.HandleFunc("GET /orders", h.ListOrders)   // want `route "GET /orders" is estimated at ~510ms from its code, above its p95 objective of 500ms \(slo.latency.p95\) \(database ~510ms of budget.database 150ms\)`
	mux.HandleFunc("GET /orders/ids", h.OrderIDs) // one query once resolved: ~10ms
	mux.HandleFunc("GET /tags", h.ListTags)       // no importer sees an implementation of store.Tags: 0
	//perfvet:ignore budget the export runs at night, off the SLO
	mux.HandleFunc("GET /export", h.Export)
	mux.HandleFunc("GET /report", h.Report)                      // want `route "GET /report" spends an estimated ~300ms in outbound calls, above budget.external 100ms`
	mux.HandleFunc("GET /orders/checked", h.CheckedOrders)       // want `route "GET /orders/checked" is estimated at ~510ms from its code`
	mux.HandleFunc("GET /orders/ids/checked", h.CheckedOrderIDs) // ~10ms once resolved: the rest is one query
	mux.HandleFunc("GET /orders/latest", h.LatestOrders)         // want `route "GET /orders/latest" is estimated at ~510ms from its code`
	mux.HandleFunc("GET /orders/async", h.AsyncOrders)           // want `route "GET /orders/async" is estimated at ~510ms from its code`
	mux.HandleFunc("GET /orders/ids/async", h.AsyncOrderIDs)     // ~10ms once resolved
	return mux
}

// ListOrders reads the items of each order: a query per order of a page.
func (h *Handler) ListOrders(w http.ResponseWriter, r *http.Request) {
	orders, _ := h.Store.Orders(r.Context())
	for _, o := range orders {
		_, _ = h.Store.Items(r.Context(), o)
	}
}

func (h *Handler) OrderIDs(w http.ResponseWriter, r *http.Request) {
	_, _ = h.Store.Orders(r.Context())
}

// ListTags has the shape of ListOrders, through store.Tags.
func (h *Handler) ListTags(w http.ResponseWriter, r *http.Request) {
	tags, _ := h.Tags.Tags(r.Context())
	for _, t := range tags {
		_, _ = h.Tags.Tag(r.Context(), t)
	}
}

// Export is ListOrders under a directive.
func (h *Handler) Export(w http.ResponseWriter, r *http.Request) {
	h.ListOrders(w, r)
}

// Report is over budget.external here already (three outbound calls):
// this package reports it, and the packages that resolve its open calls
// (over its objective then) do not report it again.
func (h *Handler) Report(w http.ResponseWriter, r *http.Request) {
	for i := 0; i < 3; i++ {
		_, _ = http.Get("http://reports.internal/part")
	}
	h.ListOrders(w, r)
}

// CheckedOrders is ListOrders behind a guard that answers and returns:
// the guard's branch costs nothing, the rest is open here; the rest
// counts, not the guard.
func (h *Handler) CheckedOrders(w http.ResponseWriter, r *http.Request) {
	if r.URL.Query().Get("page") == "" {
		http.Error(w, "no page", http.StatusBadRequest)
		return
	}
	h.ListOrders(w, r)
}

// CheckedOrderIDs is OrderIDs behind the same guard.
func (h *Handler) CheckedOrderIDs(w http.ResponseWriter, r *http.Request) {
	if r.URL.Query().Get("page") == "" {
		http.Error(w, "no page", http.StatusBadRequest)
		return
	}
	h.OrderIDs(w, r)
}

// LatestOrders answers the latest orders alone (one open call) and
// returns, or lists every order with its items (two, one in a loop):
// two branches, the one with more open calls counts (~510ms once
// resolved: the store's LIMIT 50 bounds the loop), not their sum (~520ms).
func (h *Handler) LatestOrders(w http.ResponseWriter, r *http.Request) {
	if r.URL.Query().Get("latest") != "" {
		_, _ = h.Store.Orders(r.Context())
		return
	}
	h.ListOrders(w, r)
}

// AsyncOrders lists the orders in a goroutine it waits for: a concurrent
// branch made only of open calls is kept, not dropped for costing nothing
// here.
func (h *Handler) AsyncOrders(w http.ResponseWriter, r *http.Request) {
	done := make(chan struct{})
	go func() {
		h.ListOrders(w, r)
		close(done)
	}()
	<-done
}

// AsyncOrderIDs is OrderIDs in the same goroutine.
func (h *Handler) AsyncOrderIDs(w http.ResponseWriter, r *http.Request) {
	done := make(chan struct{})
	go func() {
		h.OrderIDs(w, r)
		close(done)
	}()
	<-done
}
