package api

import (
	"encoding/csv"
	"log/slog"
	"net/http"
	"strconv"
	"time"
)

// userOrders serves GET /users/{id}/orders: the latest orders with their
// items, loaded in two queries by store.GetOrdersWithItems.
func (a *API) userOrders(w http.ResponseWriter, r *http.Request) {
	userID, err := pathID(r)
	if err != nil {
		writeError(w, http.StatusBadRequest, "invalid user id")
		return
	}
	orders, err := a.store.GetOrdersWithItems(r.Context(), userID, recentOrders)
	if err != nil {
		writeStoreError(w, r, err)
		return
	}
	writeJSON(w, http.StatusOK, orders)
}

// exportUserOrders serves GET /users/{id}/orders.csv: the latest orders, one
// line per order item, for the account page's download button.
func (a *API) exportUserOrders(w http.ResponseWriter, r *http.Request) {
	userID, err := pathID(r)
	if err != nil {
		writeError(w, http.StatusBadRequest, "invalid user id")
		return
	}
	orders, err := a.store.OrdersByUser(r.Context(), userID, recentOrders)
	if err != nil {
		writeStoreError(w, r, err)
		return
	}
	for i := range orders {
		// N+1: one query per order (up to 50 per download); see
		// store.GetOrdersWithItems, used by userOrders, for the batched version.
		items, err := a.store.ItemsForOrder(r.Context(), orders[i].ID)
		if err != nil {
			writeStoreError(w, r, err)
			return
		}
		orders[i].Items = items
	}

	w.Header().Set("Content-Type", "text/csv")
	w.Header().Set("Content-Disposition", `attachment; filename="orders.csv"`)
	cw := csv.NewWriter(w)
	records := [][]string{{"order_id", "created_at", "status", "product_id", "quantity", "price_cents"}}
	for _, o := range orders {
		for _, it := range o.Items {
			records = append(records, []string{
				strconv.FormatInt(o.ID, 10),
				o.CreatedAt.Format(time.RFC3339),
				o.Status,
				strconv.FormatInt(it.ProductID, 10),
				strconv.Itoa(it.Quantity),
				strconv.FormatInt(it.PriceCents, 10),
			})
		}
	}
	if err := cw.WriteAll(records); err != nil {
		// The status line is already sent; all we can do is log.
		slog.WarnContext(r.Context(), "write orders csv", "user_id", userID, "err", err)
	}
}

// payOrder serves POST /orders/{id}/pay: it charges the order's total and
// marks it paid.
func (a *API) payOrder(w http.ResponseWriter, r *http.Request) {
	id, err := pathID(r)
	if err != nil {
		writeError(w, http.StatusBadRequest, "invalid order id")
		return
	}
	order, err := a.store.OrderByID(r.Context(), id)
	if err != nil {
		writeStoreError(w, r, err)
		return
	}
	if order.Status != "pending" {
		writeError(w, http.StatusConflict, "order is "+order.Status)
		return
	}
	charge, err := a.payments.Charge(r.Context(), order.ID, order.TotalCents)
	if err != nil {
		writeUpstreamError(w, r, err)
		return
	}
	if err := a.store.MarkOrderPaid(r.Context(), order.ID, charge.ID); err != nil {
		writeStoreError(w, r, err)
		return
	}
	writeJSON(w, http.StatusOK, map[string]string{"status": "paid", "charge_id": charge.ID})
}

// shippingQuote serves GET /orders/{id}/shipping-quote?postcode=P.
func (a *API) shippingQuote(w http.ResponseWriter, r *http.Request) {
	id, err := pathID(r)
	if err != nil {
		writeError(w, http.StatusBadRequest, "invalid order id")
		return
	}
	postcode := r.URL.Query().Get("postcode")
	if postcode == "" {
		writeError(w, http.StatusBadRequest, "postcode is required")
		return
	}
	order, err := a.store.OrderByID(r.Context(), id)
	if err != nil {
		writeStoreError(w, r, err)
		return
	}
	q, err := a.shipping.Quote(r.Context(), order.ID, postcode)
	if err != nil {
		writeUpstreamError(w, r, err)
		return
	}
	writeJSON(w, http.StatusOK, q)
}

// adminOrder serves GET /admin/orders/{id} for customer support.
func (a *API) adminOrder(w http.ResponseWriter, r *http.Request) {
	id, err := pathID(r)
	if err != nil {
		writeError(w, http.StatusBadRequest, "invalid order id")
		return
	}
	order, err := a.store.OrderByID(r.Context(), id)
	if err != nil {
		writeStoreError(w, r, err)
		return
	}
	writeJSON(w, http.StatusOK, order)
}
