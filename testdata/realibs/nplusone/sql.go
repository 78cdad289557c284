package nplusone

import (
	"context"
	"database/sql"
)

var db *sql.DB

type user struct {
	ID   int64  `db:"id"`
	Name string `db:"name"`
}

func sqlNames(ctx context.Context, ids []int64) {
	for _, id := range ids {
		var name string
		_ = db.QueryRowContext(ctx, "SELECT name FROM users WHERE id = $1", id).Scan(&name) // want `^\(\*sql.DB\).QueryRowContext runs a query once per element of ids; load them in one query before the loop \(WHERE id = ANY\(\$1\), or IN \(...\)\)$`
		_, _ = db.ExecContext(ctx, "UPDATE users SET seen = true WHERE id = $1", id)        // want `^\(\*sql.DB\).ExecContext runs a write once per element of ids; write them in one statement`
	}
}

func sqlNamesAtOnce(ctx context.Context, ids []int64) error {
	rows, err := db.QueryContext(ctx, "SELECT name FROM users WHERE id = ANY($1)", ids)
	if err != nil {
		return err
	}
	defer rows.Close()
	for rows.Next() {
		var name string
		if err := rows.Scan(&name); err != nil {
			return err
		}
	}
	_, err = db.ExecContext(ctx, "UPDATE users SET seen = true WHERE id = ANY($1)", ids)
	return err
}

func sqlPerRow(ctx context.Context) error {
	rows, err := db.QueryContext(ctx, "SELECT id FROM orders")
	if err != nil {
		return err
	}
	defer rows.Close()
	for rows.Next() {
		var id int64
		if err := rows.Scan(&id); err != nil {
			return err
		}
		var n int
		_ = db.QueryRowContext(ctx, "SELECT count(*) FROM items WHERE order_id = $1", id).Scan(&n) // want `once per row of rows, while the result set keeps its connection busy, so each one takes a second connection from the pool`
	}
	return rows.Err()
}

func sqlTx(ctx context.Context, users []user) error {
	tx, err := db.BeginTx(ctx, nil)
	if err != nil {
		return err
	}
	defer tx.Rollback()
	stmt, err := tx.PrepareContext(ctx, "UPDATE users SET name = $1 WHERE id = $2")
	if err != nil {
		return err
	}
	for _, u := range users {
		if _, err := stmt.ExecContext(ctx, u.Name, u.ID); err != nil { // want `^\(\*sql.Stmt\).ExecContext runs a write once per element of users`
			return err
		}
	}
	return tx.Commit()
}

func sqlConstantAndRetry(ctx context.Context, id int64) error {
	for _, t := range []string{"users", "orders"} {
		_, _ = db.ExecContext(ctx, "ANALYZE "+t)
	}
	var err error
	for attempt := 0; attempt < 3; attempt++ {
		if _, err = db.ExecContext(ctx, "UPDATE users SET n = n + 1 WHERE id = $1", id); err == nil {
			return nil
		}
	}
	return err
}
