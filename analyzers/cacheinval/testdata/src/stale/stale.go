package stale // want package:`families\(invalidates account:\*; accounts→account:\*; accounts→balance:\*; guard accounts→account:\*\)`

import (
	"context"
	"database/sql"
	"encoding/json"
	"time"

	"github.com/redis/go-redis/v9"
)

// A repository with its own read-through cache of accounts: the SQL and
// the cache are in one package.

type Account struct {
	ID      int64
	Balance int64
}

type repo struct {
	db  *sql.DB
	rdb *redis.Client
}

func key(id string) string { return "account:" + id }

func (r *repo) get(ctx context.Context, id string) (Account, error) {
	var a Account
	if err := r.db.QueryRowContext(ctx, "SELECT id, balance FROM accounts WHERE id = $1", id).Scan(&a.ID, &a.Balance); err != nil {
		return a, err
	}
	data, _ := json.Marshal(a)
	r.rdb.Set(ctx, key(id), data, 0)
	return a, nil
}

// balance caches the balance for a minute: a change leaves it stale for a
// minute at most, which the plan allows.
func (r *repo) balance(ctx context.Context, id string) (int64, error) {
	var n int64
	err := r.db.QueryRowContext(ctx, "SELECT balance FROM accounts WHERE id = $1", id).Scan(&n)
	r.rdb.Set(ctx, "balance:"+id, n, time.Minute)
	return n, err
}

func (r *repo) credit(ctx context.Context, id string, n int64) error {
	_, err := r.db.ExecContext(ctx, "UPDATE accounts SET balance = balance + $1 WHERE id = $2", n, id) // want `^UPDATE of accounts leaves account:\* stale: that family caches its rows \(account:\* at stale/stale.go:\d+ with no TTL\)`
	return err
}

func (r *repo) creditAndDrop(ctx context.Context, id string, n int64) error {
	_, err := r.db.ExecContext(ctx, "UPDATE accounts SET balance = balance + $1 WHERE id = $2", n, id)
	r.rdb.Del(ctx, key(id))
	return err
}

func (r *repo) close(ctx context.Context, id string) error {
	_, err := r.db.ExecContext(ctx, `DELETE FROM "public"."accounts" WHERE id = $1`, id) // want `^DELETE of accounts leaves account:\* stale`
	return err
}

func (r *repo) closeAndExpire(ctx context.Context, id string) error {
	_, err := r.db.ExecContext(ctx, `DELETE FROM accounts WHERE id = $1`, id)
	r.rdb.Expire(ctx, key(id), time.Second)
	return err
}

func (r *repo) upsert(ctx context.Context, a Account) error {
	_, err := r.db.ExecContext(ctx, `INSERT INTO accounts (id, balance) VALUES ($1, $2) ON CONFLICT (id) DO UPDATE SET balance = EXCLUDED.balance`, a.ID, a.Balance) // want `^INSERT of accounts leaves account:\* stale`
	return err
}

func (r *repo) insert(ctx context.Context, a Account) error {
	_, err := r.db.ExecContext(ctx, `INSERT INTO accounts (id, balance) VALUES ($1, $2) ON CONFLICT DO NOTHING`, a.ID, a.Balance)
	return err
}

// In a transaction's closure, on the function's path.
func (r *repo) creditInTx(ctx context.Context, id string, n int64) error {
	return withTx(ctx, r.db, func(tx *sql.Tx) error {
		_, err := tx.ExecContext(ctx, "UPDATE accounts SET balance = balance + $1 WHERE id = $2", n, id) // want `^UPDATE of accounts leaves account:\* stale`
		return err
	})
}

func (r *repo) creditInTxAndDrop(ctx context.Context, id string, n int64) error {
	err := withTx(ctx, r.db, func(tx *sql.Tx) error {
		_, err := tx.ExecContext(ctx, "UPDATE accounts SET balance = balance + $1 WHERE id = $2", n, id)
		return err
	})
	r.rdb.Unlink(ctx, key(id))
	return err
}

func withTx(ctx context.Context, db *sql.DB, fn func(*sql.Tx) error) error {
	tx, err := db.BeginTx(ctx, nil)
	if err != nil {
		return err
	}
	if err := fn(tx); err != nil {
		tx.Rollback()
		return err
	}
	return tx.Commit()
}

// Another table: no family caches it.
func (r *repo) audit(ctx context.Context, id string) error {
	_, err := r.db.ExecContext(ctx, "UPDATE audit SET seen = true WHERE id = $1", id)
	return err
}
