package warnset // want package:`families\(invalidates \{warnset\.warned\}\*; sets warnset\.warned\)`

// Package warnset remembers the guid it last warned about per node, to
// log a clash once (3x-ui's warnedDupGuid): what it holds is only
// compared, never handed back as a row, so a change to nodes leaves no
// stale copy of one.

import (
	"context"
	"database/sql"
	"log"
	"sync"
)

var warned sync.Map

type Store struct{ DB *sql.DB }

func (s *Store) CheckGuid(ctx context.Context, id int64) { // want CheckGuid:`cache\(reads nodes; delete \{warnset\.warned\}\*; write \{warnset\.warned\}\* ttl=none from nodes\)`
	var guid string
	_ = s.DB.QueryRowContext(ctx, "SELECT guid FROM nodes WHERE id = $1", id).Scan(&guid)
	if guid == "" {
		warned.Delete(id)
		return
	}
	if prev, ok := warned.Load(id); ok && prev == guid {
		return
	}
	warned.Store(id, guid)
	log.Printf("node %d reports a guid another node uses: %s", id, guid)
}

func (s *Store) Rename(ctx context.Context, id int64, name string) error { // want Rename:`cache\(mutates nodes\)`
	_, err := s.DB.ExecContext(ctx, "UPDATE nodes SET name = $1 WHERE id = $2", name, id)
	return err
}
