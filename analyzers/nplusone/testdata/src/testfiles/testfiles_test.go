package testfiles

import (
	"context"
	"database/sql"
	"testing"
)

func TestSeed(t *testing.T) { // want TestSeed:`roundtrips\(write: \(\*sql.DB\).ExecContext\)`
	var db *sql.DB
	for _, id := range []int64{1, 2} {
		_, _ = db.ExecContext(context.Background(), "INSERT INTO users (id) VALUES ($1)", id)
	}
	ids := make([]int64, 10)
	for _, id := range ids {
		_, _ = db.ExecContext(context.Background(), "INSERT INTO users (id) VALUES ($1)", id)
	}
}
