// Package zdb stands for zgo.at/zdb: a BulkInsert buffers rows and runs
// one INSERT per batch when its buffer fills.
package zdb

import (
	"context"
	"database/sql"
)

var db *sql.DB

type BulkInsert struct {
	ctx  context.Context
	rows [][]any
}

func NewBulkInsert(ctx context.Context, table string, cols []string) BulkInsert {
	return BulkInsert{ctx: ctx}
}

// Values adds a row, and flushes the buffer when it is full.
func (m *BulkInsert) Values(values ...any) {
	m.rows = append(m.rows, values)
	if len(m.rows) >= 100 {
		m.doInsert()
	}
}

func (m *BulkInsert) doInsert() {
	_, _ = db.ExecContext(m.ctx, "INSERT INTO t VALUES ...")
	m.rows = m.rows[:0]
}

func (m *BulkInsert) Finish() error {
	m.doInsert()
	return nil
}

func Exec(ctx context.Context, query string, args ...any) error {
	_, err := db.ExecContext(ctx, query, args...)
	return err
}
