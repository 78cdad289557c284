package api

import (
	"context"
	"net/http"
	"strconv"
)

// listUsers serves GET /users?limit=N for the back office.
func (a *API) listUsers(w http.ResponseWriter, r *http.Request) {
	limit, err := strconv.Atoi(r.URL.Query().Get("limit"))
	if err != nil {
		limit = defaultPageSize
	}
	// Page size: limit goes to the query unclamped, so ?limit=10000000 reads
	// the whole users table; clamp it to maxPageSize as listProducts does.
	users, err := a.store.ListUsers(r.Context(), limit)
	if err != nil {
		writeStoreError(w, r, err)
		return
	}
	writeJSON(w, http.StatusOK, users)
}

// getUser serves GET /users/{id}.
func (a *API) getUser(w http.ResponseWriter, r *http.Request) {
	id, err := pathID(r)
	if err != nil {
		writeError(w, http.StatusBadRequest, "invalid user id")
		return
	}
	// Timeouts: context.Background() detaches the query from the request, so
	// it keeps running after the client gives up; pass r.Context() as
	// listUsers does.
	u, err := a.store.UserByID(context.Background(), id)
	if err != nil {
		writeStoreError(w, r, err)
		return
	}
	writeJSON(w, http.StatusOK, u)
}
