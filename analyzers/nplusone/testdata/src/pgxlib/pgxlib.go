// Package pgxlib loops over pgx queries, and batches instead.
package pgxlib

import (
	"context"

	"github.com/jackc/pgx/v5"
	"github.com/jackc/pgx/v5/pgxpool"
)

func oneByOne(ctx context.Context, pool *pgxpool.Pool, conn *pgx.Conn, tx pgx.Tx, ids []int64) {
	for _, id := range ids {
		var name string
		_ = pool.QueryRow(ctx, "SELECT name FROM users WHERE id = $1", id).Scan(&name) // want `^\(\*pgxpool.Pool\).QueryRow runs a query once per element of ids; load them in one query before the loop \(WHERE id = ANY\(\$1\)\), or queue them on a pgx.Batch sent once$`
		_, _ = conn.Exec(ctx, "UPDATE users SET seen = true WHERE id = $1", id)        // want `^\(\*pgx.Conn\).Exec runs a write once per element of ids; write them in one round trip: CopyFrom, a pgx.Batch sent once`
		rows, err := tx.Query(ctx, "SELECT * FROM orders WHERE user_id = $1", id)      // want `^\(pgx.Tx\).Query runs a query once per element of ids`
		if err == nil {
			rows.Close()
		}
	}
}

func batched(ctx context.Context, pool *pgxpool.Pool, ids []int64) error {
	b := &pgx.Batch{}
	for _, id := range ids {
		b.Queue("SELECT name FROM users WHERE id = $1", id)
	}
	br := pool.SendBatch(ctx, b)
	for range ids {
		var name string
		_ = br.QueryRow().Scan(&name)
	}
	return br.Close()
}

func anyArray(ctx context.Context, pool *pgxpool.Pool, ids []int64) {
	rows, err := pool.Query(ctx, "SELECT name FROM users WHERE id = ANY($1)", ids)
	if err != nil {
		return
	}
	defer rows.Close()
	// One query per row while rows is open.
	_, _ = pgx.ForEachRow(rows, nil, func() error {
		_, err := pool.Exec(ctx, "UPDATE users SET seen = true") // want `^\(\*pgxpool.Pool\).Exec runs a write once per row of rows, while the result set keeps its connection busy`
		return err
	})
}
