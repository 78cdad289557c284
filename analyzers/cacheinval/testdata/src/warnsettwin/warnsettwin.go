package warnsettwin // want package:`families\(invalidates \{warnsettwin\.guids\}\*; nodes→\{warnsettwin\.guids\}\*\)`

// Package warnsettwin keeps the guid per node and hands it back: a cache
// of rows, which a change to nodes leaves stale.

import (
	"context"
	"database/sql"
	"sync"
)

var guids sync.Map

type store struct{ db *sql.DB }

func (s *store) guid(ctx context.Context, id int64) string {
	if g, ok := guids.Load(id); ok {
		return g.(string)
	}
	var guid string
	_ = s.db.QueryRowContext(ctx, "SELECT guid FROM nodes WHERE id = $1", id).Scan(&guid)
	guids.Store(id, guid)
	return guid
}

func (s *store) forget(id int64) { guids.Delete(id) }

func (s *store) regenerate(ctx context.Context, id int64, guid string) error {
	_, err := s.db.ExecContext(ctx, "UPDATE nodes SET guid = $1 WHERE id = $2", guid, id) // want `^UPDATE of nodes leaves the in-process cache warnsettwin\.guids stale`
	return err
}
