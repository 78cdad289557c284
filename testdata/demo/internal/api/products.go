package api

import (
	"encoding/json"
	"net/http"
	"strconv"
)

// listProducts serves GET /products?limit=N.
func (a *API) listProducts(w http.ResponseWriter, r *http.Request) {
	limit, err := strconv.Atoi(r.URL.Query().Get("limit"))
	if err != nil {
		limit = defaultPageSize
	}
	if limit <= 0 || limit > maxPageSize {
		limit = maxPageSize
	}
	products, err := a.catalog.Products(r.Context(), limit)
	if err != nil {
		writeStoreError(w, r, err)
		return
	}
	writeJSON(w, http.StatusOK, products)
}

// getProduct serves GET /products/{id}.
func (a *API) getProduct(w http.ResponseWriter, r *http.Request) {
	id, err := pathID(r)
	if err != nil {
		writeError(w, http.StatusBadRequest, "invalid product id")
		return
	}
	p, err := a.catalog.Product(r.Context(), id)
	if err != nil {
		writeStoreError(w, r, err)
		return
	}
	writeJSON(w, http.StatusOK, p)
}

// updateProductPrice serves PUT /products/{id}/price with a body like
// {"price_cents": 1999}.
func (a *API) updateProductPrice(w http.ResponseWriter, r *http.Request) {
	id, err := pathID(r)
	if err != nil {
		writeError(w, http.StatusBadRequest, "invalid product id")
		return
	}
	var body struct {
		PriceCents int64 `json:"price_cents"`
	}
	if err := json.NewDecoder(http.MaxBytesReader(w, r.Body, 1<<10)).Decode(&body); err != nil {
		writeError(w, http.StatusBadRequest, "invalid body")
		return
	}
	p, err := a.catalog.UpdatePrice(r.Context(), id, body.PriceCents)
	if err != nil {
		writeStoreError(w, r, err)
		return
	}
	writeJSON(w, http.StatusOK, p)
}

// listCategories serves GET /categories.
func (a *API) listCategories(w http.ResponseWriter, r *http.Request) {
	cats, err := a.catalog.Categories(r.Context())
	if err != nil {
		writeStoreError(w, r, err)
		return
	}
	writeJSON(w, http.StatusOK, cats)
}
