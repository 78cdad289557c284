package nplusone

import (
	"context"

	pgx4 "github.com/jackc/pgx/v4"
	pgxpool4 "github.com/jackc/pgx/v4/pgxpool"
	"github.com/jackc/pgx/v5"
	"github.com/jackc/pgx/v5/pgxpool"
)

var (
	pool  *pgxpool.Pool
	conn  *pgx.Conn
	pool4 *pgxpool4.Pool
)

func pgxUsers(ctx context.Context, tx pgx.Tx, ids []int64) {
	for _, id := range ids {
		var name string
		_ = pool.QueryRow(ctx, "SELECT name FROM users WHERE id = $1", id).Scan(&name) // want `^\(\*pgxpool.Pool\).QueryRow runs a query once per element of ids; load them in one query before the loop \(WHERE id = ANY\(\$1\)\), or queue them on a pgx.Batch sent once$`
		_, _ = conn.Exec(ctx, "UPDATE users SET seen = true WHERE id = $1", id)        // want `^\(\*pgx.Conn\).Exec runs a write once per element of ids; write them in one round trip: CopyFrom, a pgx.Batch sent once`
		rows, err := tx.Query(ctx, "SELECT id FROM orders WHERE user_id = $1", id)     // want `^\(pgx.Tx\).Query runs a query once per element of ids`
		if err == nil {
			rows.Close()
		}
		_ = pool4.QueryRow(ctx, "SELECT name FROM users WHERE id = $1", id).Scan(&name) // want `^\(\*pgxpool.Pool\).QueryRow runs a query once per element of ids`
	}
}

func pgxBatched(ctx context.Context, ids []int64) error {
	b := &pgx.Batch{}
	for _, id := range ids {
		b.Queue("UPDATE users SET seen = true WHERE id = $1", id)
	}
	if err := pool.SendBatch(ctx, b).Close(); err != nil {
		return err
	}
	rows := make([][]any, len(ids))
	for i, id := range ids {
		rows[i] = []any{id}
	}
	_, err := pool.CopyFrom(ctx, pgx.Identifier{"seen"}, []string{"user_id"}, pgx.CopyFromRows(rows))
	return err
}

func pgxPerRow(ctx context.Context) error {
	rows, err := pool.Query(ctx, "SELECT id FROM orders")
	if err != nil {
		return err
	}
	defer rows.Close()
	for rows.Next() {
		var id int64
		if err := rows.Scan(&id); err != nil {
			return err
		}
		_, _ = pool.Exec(ctx, "UPDATE items SET seen = true WHERE order_id = $1", id) // want `once per row of rows, while the result set keeps its connection busy`
	}
	var id int64
	_, err = pgx.ForEachRow(rows, []any{&id}, func() error {
		_, err := conn.Exec(ctx, "UPDATE items SET seen = true WHERE order_id = $1", id) // want `^\(\*pgx.Conn\).Exec runs a write once per row of rows, while the result set keeps its connection busy`
		return err
	})
	_ = pgx4.ErrNoRows
	return err
}
