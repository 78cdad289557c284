package nplusone

import (
	"context"

	"github.com/jmoiron/sqlx"
)

var xdb *sqlx.DB

func sqlxUsers(ctx context.Context, ids []int64) {
	for _, id := range ids {
		var u user
		_ = xdb.GetContext(ctx, &u, "SELECT id, name FROM users WHERE id = $1", id)         // want `^\(\*sqlx.DB\).GetContext runs a query once per element of ids; load them in one query before the loop \(IN \(\?\) with sqlx.In, or WHERE id = ANY\(\$1\)\)$`
		_ = sqlx.GetContext(ctx, xdb, &u, "SELECT id, name FROM users WHERE id = $1", id)   // want `^sqlx.GetContext runs a query once per element of ids`
		_, _ = xdb.NamedExecContext(ctx, "UPDATE users SET name = :name WHERE id = :id", u) // want `^\(\*sqlx.DB\).NamedExecContext runs a write once per element of ids`
		_ = xdb.QueryRowxContext(ctx, "SELECT id FROM users WHERE id = $1", id)             // want `^\(\*sqlx.DB\).QueryRowxContext runs a query once per element of ids`
		_ = xdb.QueryRowContext(ctx, "SELECT id FROM users WHERE id = $1", id)              // want `^\(\*sqlx.DB\).QueryRowContext runs a query once per element of ids; load them in one query before the loop \(IN \(\?\) with sqlx.In`
	}
}

func sqlxUsersIn(ctx context.Context, ids []int64) ([]user, error) {
	q, args, err := sqlx.In("SELECT id, name FROM users WHERE id IN (?)", ids)
	if err != nil {
		return nil, err
	}
	var users []user
	err = xdb.SelectContext(ctx, &users, xdb.Rebind(q), args...)
	return users, err
}

func sqlxInsertAll(ctx context.Context, users []user) error {
	_, err := xdb.NamedExecContext(ctx, "INSERT INTO users (id, name) VALUES (:id, :name)", users)
	return err
}
