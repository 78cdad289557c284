package api

import (
	"encoding/json"
	"log/slog"
	"net/http"
)

// orderNote serves POST /orders/{id}/note with a body like {"note": "..."}.
//
// Limits: the body is decoded with no size limit (unlike
// updateProductPrice, which wraps it in http.MaxBytesReader), so one
// request of any size is read into memory.
func (a *API) orderNote(w http.ResponseWriter, r *http.Request) {
	id, err := pathID(r)
	if err != nil {
		writeError(w, http.StatusBadRequest, "invalid order id")
		return
	}
	var body struct {
		Note string `json:"note"`
	}
	if err := json.NewDecoder(r.Body).Decode(&body); err != nil {
		writeError(w, http.StatusBadRequest, "invalid body")
		return
	}
	order, err := a.store.OrderByID(r.Context(), id)
	if err != nil {
		writeStoreError(w, r, err)
		return
	}
	slog.Info("order note", "order", order.ID, "note", body.Note)
	writeJSON(w, http.StatusOK, map[string]string{"status": "noted"})
}
