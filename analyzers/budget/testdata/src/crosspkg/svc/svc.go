package svc // want package:`impls\(Handler\)`

// The package holds handlers that reach their storage through an
// interface whose implementations it cannot see.

import (
	"context"
	"database/sql"
	"net/http"
)

type Store interface {
	Orders(ctx context.Context) ([]int, error)
	Items(ctx context.Context, order int) ([]string, error)
}

type Handler struct {
	Store Store
	DB    *sql.DB
}

func (h *Handler) ListOrders(w http.ResponseWriter, r *http.Request) { // want ListOrders:`cost\(crosspkg/svc.Store.Orders=0, crosspkg/svc.Store.Items × 100 \(max_page_size\)=0\)`
	orders, _ := h.Store.Orders(r.Context())
	for _, o := range orders {
		_, _ = h.Store.Items(r.Context(), o)
	}
}

func (h *Handler) Orders(w http.ResponseWriter, r *http.Request) { // want Orders:`cost\(crosspkg/svc.Store.Orders=0\)`
	_, _ = h.Store.Orders(r.Context())
}

// ListItems reads an order per item of one order.
func (h *Handler) ListItems(w http.ResponseWriter, r *http.Request) { // want ListItems:`cost\(crosspkg/svc.Store.Items=0, crosspkg/svc.Store.Orders × 100 \(max_page_size\)=0\)`
	items, _ := h.Store.Items(r.Context(), 1)
	for range items {
		_, _ = h.Store.Orders(r.Context())
	}
}

// AllOrders returns what Store.Orders returns.
func (h *Handler) AllOrders(r *http.Request) []int { // want AllOrders:`cost\(crosspkg/svc.Store.Orders=0\) rows\(100 max_page_size\) from crosspkg/svc.Store.Orders`
	orders, _ := h.Store.Orders(r.Context())
	return orders
}

// EachOrder reads the items of each order AllOrders returns.
func (h *Handler) EachOrder(w http.ResponseWriter, r *http.Request) { // want EachOrder:`cost\(crosspkg/svc.Store.Orders=0, crosspkg/svc.Store.Items × 100 \(max_page_size\)=0\)`
	for _, o := range h.AllOrders(r) {
		_, _ = h.Store.Items(r.Context(), o)
	}
}

// CustomerOrders reads, per customer of a page (no LIMIT: 100), the
// orders and the items of each: the items' loop is bounded by the
// customers' real page as much as by the orders' assumed one, so
// resolving Orders (LIMIT 50) does not lower it below 100.
func (h *Handler) CustomerOrders(w http.ResponseWriter, r *http.Request) { // want CustomerOrders:`cost\(customers select=10ms, crosspkg/svc.Store.Orders × 100 \(max_page_size\)=0, crosspkg/svc.Store.Items × 100 \(max_page_size\)=0\)`
	rows, err := h.DB.QueryContext(r.Context(), "SELECT id FROM customers")
	if err != nil {
		return
	}
	defer rows.Close()
	for rows.Next() {
		orders, _ := h.Store.Orders(r.Context())
		for _, o := range orders {
			_, _ = h.Store.Items(r.Context(), o)
		}
	}
}
