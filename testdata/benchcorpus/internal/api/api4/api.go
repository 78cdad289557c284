// Package api4 serves domain 4 over HTTP.
package api4

import (
	"context"
	"database/sql"
	"encoding/json"
	"net/http"
	"strconv"
	"strings"
	"time"

	"github.com/redis/go-redis/v9"
	"gorm.io/gorm"

	"example.com/gen/internal/repo/repo4"
	"example.com/gen/internal/svc/svc4"
)

var (
	_ = context.Background
	_ = time.Second
)

var client = &http.Client{Timeout: 5 * time.Second}

// Handler serves domain 4.
type Handler struct{ Svc *svc4.Service }

// Register adds the domain's routes to mux.
func Register(mux *http.ServeMux, db *sql.DB, gdb *gorm.DB, rdb *redis.Client) {
	h := &Handler{Svc: &svc4.Service{Repo: &repo4.Repo{DB: db, GDB: gdb, RDB: rdb}}}
	mux.HandleFunc("GET /d4/items", h.list)
	mux.HandleFunc("GET /d4/items/{id}", h.get)
	mux.HandleFunc("GET /d4/batch", h.batch)
}

func (h *Handler) list(w http.ResponseWriter, r *http.Request) {
	limit, _ := strconv.Atoi(r.URL.Query().Get("limit"))
	if limit <= 0 || limit > 100 {
		limit = 100
	}
	items, err := h.Svc.Page(r.Context(), limit)
	if err != nil {
		http.Error(w, err.Error(), http.StatusInternalServerError)
		return
	}
	_ = json.NewEncoder(w).Encode(items)
}

func (h *Handler) get(w http.ResponseWriter, r *http.Request) {
	id, err := strconv.ParseInt(r.PathValue("id"), 10, 64)
	if err != nil {
		http.Error(w, "bad id", http.StatusBadRequest)
		return
	}
	item, err := h.Svc.Get(r.Context(), id)
	if err != nil {
		http.Error(w, err.Error(), http.StatusNotFound)
		return
	}
	_ = json.NewEncoder(w).Encode(item)
}

func (h *Handler) batch(w http.ResponseWriter, r *http.Request) {
	var ids []int64
	for _, s := range strings.Split(r.URL.Query().Get("ids"), ",") {
		if id, err := strconv.ParseInt(s, 10, 64); err == nil {
			ids = append(ids, id)
		}
	}
	items, err := h.Svc.Many(r.Context(), ids)
	if err != nil {
		http.Error(w, err.Error(), http.StatusInternalServerError)
		return
	}
	_ = json.NewEncoder(w).Encode(items)
}

// Ping calls the domain's upstream.
func Ping(url string) error {
	req, err := http.NewRequest(http.MethodGet, url, nil)
	if err != nil {
		return err
	}
	resp, err := client.Do(req)
	if err != nil {
		return err
	}
	return resp.Body.Close()
}
