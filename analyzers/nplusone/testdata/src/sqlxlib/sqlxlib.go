// Package sqlxlib loops over sqlx's queries, and uses sqlx.In instead.
package sqlxlib

import (
	"context"

	"github.com/jmoiron/sqlx"
)

type User struct{ ID int64 }

func oneByOne(ctx context.Context, db *sqlx.DB, ids []int64) {
	for _, id := range ids {
		var u User
		_ = db.GetContext(ctx, &u, "SELECT * FROM users WHERE id = $1", id)               // want `^\(\*sqlx.DB\).GetContext runs a query once per element of ids; load them in one query before the loop \(IN \(\?\) with sqlx.In, or WHERE id = ANY\(\$1\)\)$`
		_ = sqlx.Get(db, &u, "SELECT * FROM users WHERE id = $1", id)                     // want `^sqlx.Get runs a query once per element of ids`
		_ = db.QueryRowContext(ctx, "SELECT 1 FROM users WHERE id = $1", id)              // want `^\(\*sqlx.DB\).QueryRowContext runs a query once per element of ids; load them in one query before the loop \(IN \(\?\) with sqlx.In`
		_, _ = db.NamedExecContext(ctx, "UPDATE users SET seen = true WHERE id = :id", u) // want `^\(\*sqlx.DB\).NamedExecContext runs a write once per element of ids; write them in one statement: NamedExec with a slice`
	}
}

func inOneQuery(ctx context.Context, db *sqlx.DB, ids []int64) ([]User, error) {
	q, args, err := sqlx.In("SELECT * FROM users WHERE id IN (?)", ids)
	if err != nil {
		return nil, err
	}
	var users []User
	err = db.SelectContext(ctx, &users, db.Rebind(q), args...)
	return users, err
}
