// Package api is the shop's HTTP API.
package api

import (
	"encoding/json"
	"errors"
	"log/slog"
	"net/http"
	"strconv"

	"example.com/shop/internal/catalog"
	"example.com/shop/internal/metrics"
	"example.com/shop/internal/payments"
	"example.com/shop/internal/shipping"
	"example.com/shop/internal/store"
)

const (
	defaultPageSize = 20
	maxPageSize     = 100
	// recentOrders is how many orders the account pages show.
	recentOrders = 50
)

// API holds the dependencies of the HTTP handlers.
type API struct {
	catalog  *catalog.Service
	store    *store.Store
	payments *payments.Client
	shipping *shipping.Client
}

// New returns an API.
func New(c *catalog.Service, st *store.Store, p *payments.Client, s *shipping.Client) *API {
	return &API{catalog: c, store: st, payments: p, shipping: s}
}

// NewRouter registers the API's routes, each wrapped in the metrics middleware.
func NewRouter(a *API) *http.ServeMux {
	mux := http.NewServeMux()

	mux.Handle("GET /products", metrics.Instrument(http.HandlerFunc(a.listProducts)))
	mux.Handle("GET /products/{id}", metrics.Instrument(http.HandlerFunc(a.getProduct)))
	mux.Handle("PUT /products/{id}/price", metrics.Instrument(http.HandlerFunc(a.updateProductPrice)))
	mux.Handle("GET /categories", metrics.Instrument(http.HandlerFunc(a.listCategories)))

	mux.Handle("GET /users", metrics.Instrument(http.HandlerFunc(a.listUsers)))
	mux.Handle("GET /users/{id}", metrics.Instrument(http.HandlerFunc(a.getUser)))
	mux.Handle("GET /users/{id}/orders", metrics.Instrument(http.HandlerFunc(a.userOrders)))
	mux.Handle("GET /users/{id}/orders.csv", metrics.Instrument(http.HandlerFunc(a.exportUserOrders)))

	mux.Handle("POST /orders/{id}/pay", metrics.Instrument(http.HandlerFunc(a.payOrder)))
	mux.Handle("GET /orders/{id}/shipping-quote", metrics.Instrument(http.HandlerFunc(a.shippingQuote)))

	// Metrics: registered without metrics.Instrument, so back-office order
	// lookups never show up in the request rate or latency dashboards.
	mux.HandleFunc("GET /admin/orders/{id}", a.adminOrder)
	mux.Handle("POST /orders/{id}/note", metrics.Instrument(http.HandlerFunc(a.orderNote)))

	mux.Handle("GET /metrics", metrics.Handler())
	return mux
}

// pathID parses the {id} wildcard of the matched route.
func pathID(r *http.Request) (int64, error) {
	return strconv.ParseInt(r.PathValue("id"), 10, 64)
}

func writeJSON(w http.ResponseWriter, status int, v any) {
	w.Header().Set("Content-Type", "application/json")
	w.WriteHeader(status)
	if err := json.NewEncoder(w).Encode(v); err != nil {
		slog.Warn("write response", "err", err)
	}
}

func writeError(w http.ResponseWriter, status int, msg string) {
	writeJSON(w, status, map[string]string{"error": msg})
}

// writeStoreError maps an error from the store or a service to a response.
func writeStoreError(w http.ResponseWriter, r *http.Request, err error) {
	switch {
	case errors.Is(err, store.ErrNotFound):
		writeError(w, http.StatusNotFound, "not found")
	case errors.Is(err, catalog.ErrInvalidPrice):
		writeError(w, http.StatusBadRequest, err.Error())
	default:
		slog.ErrorContext(r.Context(), "request failed", "method", r.Method, "path", r.URL.Path, "err", err)
		writeError(w, http.StatusInternalServerError, "internal error")
	}
}

// writeUpstreamError reports a failed call to a partner API.
func writeUpstreamError(w http.ResponseWriter, r *http.Request, err error) {
	slog.ErrorContext(r.Context(), "upstream call failed", "method", r.Method, "path", r.URL.Path, "err", err)
	writeError(w, http.StatusBadGateway, "upstream service unavailable")
}
