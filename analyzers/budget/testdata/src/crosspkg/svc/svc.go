package svc // want package:`impls\(Handler\)`

// The package holds handlers that reach their storage through an
// interface whose implementations it cannot see.

import (
	"context"
	"net/http"
)

type Store interface {
	Orders(ctx context.Context) ([]int, error)
	Items(ctx context.Context, order int) ([]string, error)
}

type Handler struct{ Store Store }

func (h *Handler) ListOrders(w http.ResponseWriter, r *http.Request) { // want ListOrders:`cost\(crosspkg/svc.Store.Orders=0, crosspkg/svc.Store.Items × 100 \(max_page_size\)=0\)`
	orders, _ := h.Store.Orders(r.Context())
	for _, o := range orders {
		_, _ = h.Store.Items(r.Context(), o)
	}
}

func (h *Handler) Orders(w http.ResponseWriter, r *http.Request) { // want Orders:`cost\(crosspkg/svc.Store.Orders=0\)`
	_, _ = h.Store.Orders(r.Context())
}
