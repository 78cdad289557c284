package postgres

import (
	"context"
	"database/sql"

	"example.com/reach/store"
)

// Pages implements store.Pages: its limit reaches the LIMIT unclamped.
type Pages struct{ db *sql.DB }

func (p *Pages) ListPage(ctx context.Context, limit int) ([]store.Memo, error) {
	rows, err := p.db.QueryContext(ctx, "SELECT id, creator FROM memo ORDER BY id LIMIT $1", limit)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	return nil, rows.Err()
}
