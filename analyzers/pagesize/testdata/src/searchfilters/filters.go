// Package searchfilters parses a page with a helper of several results
// (sftpgo's getSearchFilters): the limit is clamped on the success path
// and returned unclamped beside its parse error; the offset is not a page
// size. Handlers that return on the error read a bounded page.
package searchfilters

import (
	"database/sql"
	"errors"
	"fmt"
	"net/http"
	"strconv"
)

var db *sql.DB

func searchFilters(r *http.Request) (int, int, error) {
	var err error
	limit, offset := 50, 0
	if v := r.URL.Query().Get("limit"); v != "" {
		limit, err = strconv.Atoi(v)
		if err != nil {
			return limit, offset, errors.New("invalid limit")
		}
		if limit > 100 {
			limit = 100
		}
	}
	if v := r.URL.Query().Get("offset"); v != "" {
		offset, err = strconv.Atoi(v)
		if err != nil {
			return limit, offset, fmt.Errorf("invalid offset: %w", err)
		}
	}
	return limit, offset, nil
}

func ListUsers(w http.ResponseWriter, r *http.Request) {
	limit, offset, err := searchFilters(r)
	if err != nil {
		http.Error(w, err.Error(), http.StatusBadRequest)
		return
	}
	rows, err := db.QueryContext(r.Context(), "SELECT id FROM users LIMIT $1 OFFSET $2", limit, offset)
	if err == nil {
		_ = rows.Close()
	}
}

// looseFilters returns the limit unclamped on its success path.
func looseFilters(r *http.Request) (int, int, error) {
	limit, err := strconv.Atoi(r.URL.Query().Get("limit"))
	if err != nil {
		return 0, 0, err
	}
	offset, _ := strconv.Atoi(r.URL.Query().Get("offset"))
	return limit, offset, nil
}

func ListGroups(w http.ResponseWriter, r *http.Request) {
	limit, offset, err := looseFilters(r)
	if err != nil {
		return
	}
	rows, err := db.QueryContext(r.Context(), "SELECT id FROM groups LIMIT $1 OFFSET $2", limit, offset) // want `page size from query parameter "limit"`
	if err == nil {
		_ = rows.Close()
	}
}
