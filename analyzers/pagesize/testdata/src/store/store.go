// Package store is a repository whose list queries take their page size
// from the caller.
package store

import (
	"context"
	"database/sql"
	"net/http"
	"strconv"
)

type Store struct{ db *sql.DB }

// ListUsers reads one page; the caller bounds limit.
func (s *Store) ListUsers(ctx context.Context, limit int) error { // want ListUsers:`pagesize\(param2 → LIMIT\)`
	_, err := s.db.QueryContext(ctx, `SELECT id FROM users ORDER BY id LIMIT $1`, limit)
	return err
}

// ListUsersClamped bounds limit itself.
func (s *Store) ListUsersClamped(ctx context.Context, limit int) error {
	if limit <= 0 || limit > 100 {
		limit = 100
	}
	_, err := s.db.QueryContext(ctx, `SELECT id FROM users ORDER BY id LIMIT $1`, limit)
	return err
}

// Page is a page request.
type Page struct {
	Limit  int
	Offset int
}

// Normalize bounds the page.
func (p *Page) Normalize() { // want Normalize:`pagesize\(param0.Limit = bounded\)`
	p.Limit = min(p.Limit, 100)
}

// ListOrders takes its limit in a struct.
func (s *Store) ListOrders(ctx context.Context, p Page) error { // want ListOrders:`pagesize\(param2.Limit → LIMIT\)`
	_, err := s.db.QueryContext(ctx, `SELECT id FROM orders ORDER BY id LIMIT $1 OFFSET $2`, p.Limit, p.Offset)
	return err
}

// ListOrdersPtr takes the page by pointer.
func (s *Store) ListOrdersPtr(ctx context.Context, p *Page) error { // want ListOrdersPtr:`pagesize\(param2.Limit → LIMIT\)`
	_, err := s.db.QueryContext(ctx, `SELECT id FROM orders ORDER BY id LIMIT $1 OFFSET $2`, p.Limit, p.Offset)
	return err
}

// ParseLimit returns the query parameter as it came.
func ParseLimit(r *http.Request) int { // want ParseLimit:`pagesize\(returns query parameter "limit"; returns <= 0 from query parameter "limit"\)`
	n, _ := strconv.Atoi(r.URL.Query().Get("limit"))
	return n
}

// ParseLimitClamped returns the query parameter, bounded.
func ParseLimitClamped(r *http.Request) int {
	n, _ := strconv.Atoi(r.URL.Query().Get("limit"))
	if n <= 0 || n > 100 {
		return 100
	}
	return n
}

// Atoi parses and passes its argument through.
func Atoi(s string) int { // want Atoi:`pagesize\(returns param0; returns param0 <= 0\)`
	n, _ := strconv.Atoi(s)
	return n
}

// Clamp bounds n from above; 0 or less passes.
func Clamp(n int) int { // want Clamp:`pagesize\(returns param0 <= 0\)`
	return min(n, 100)
}
