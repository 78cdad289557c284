package handler

import (
	"context"
	"database/sql"

	"example.com/reach/store"
)

// List serves one page of memos and hands it to the methods above: their
// loops walk a page, so their findings are reported (a list an exported
// method is handed counts when a caller hands it a page).
func (s *Service) List(ctx context.Context, db *sql.DB) {
	rows, err := db.QueryContext(ctx, "SELECT id, creator FROM memos ORDER BY id LIMIT 20")
	if err != nil {
		return
	}
	defer rows.Close()
	var ids []int64
	var memos []store.Memo
	for rows.Next() {
		var m store.Memo
		_ = rows.Scan(&m.ID, &m.Creator)
		ids = append(ids, m.ID)
		memos = append(memos, m)
	}
	_ = s.Memos(ctx, ids)
	_, _ = s.MemosBatched(ctx, ids)
	_ = s.Creators(ctx, ids)
	_ = s.Names(ids)
	_ = s.Users(ctx, memos)
	s.Suppressed(ctx, ids)
}
