package handlers // want package:`impls\(auditLog sqlCounter\)` package:`pending\(\(ports.Notifier\).Notify\)`

// Package handlers calls repositories through interfaces.

import (
	"context"
	"database/sql"
	"fmt"
	"io"

	"memstore"
	"pg"
	"ports"
)

// The implementation in pg is visible (imported): the call may query.
var _ ports.UserGetter = pg.New(nil)
var _ ports.UserGetter = (*memstore.Store)(nil)

func names(ctx context.Context, users ports.UserGetter, ids []int64) {
	for _, id := range ids {
		_, _ = users.GetUser(ctx, id) // want `^\(ports.UserGetter\).GetUser may run a query \(\(\*pg.Store\).GetUser → \(\*sql.DB\).QueryRowContext in pg/pg.go:\d+\) once per element of ids; load them in one query before the loop`
	}
}

// A local interface with a local implementation.
type counter interface {
	Count(ctx context.Context, table string) int
}

type sqlCounter struct{ db *sql.DB }

func (c sqlCounter) Count(ctx context.Context, table string) int { // want Count:`roundtrips\(read: \(\*sql.DB\).QueryRowContext\)`
	var n int
	_ = c.db.QueryRowContext(ctx, "SELECT count(*) FROM "+table).Scan(&n)
	return n
}

type constCounter struct{}

func (constCounter) Count(context.Context, string) int { return 0 }

func counts(ctx context.Context, c counter, tables []string) {
	for _, t := range tables {
		_ = c.Count(ctx, t) // want `^\(handlers.counter\).Count may run a query \(\(handlers.sqlCounter\).Count → \(\*sql.DB\).QueryRowContext in handlers/handlers.go:\d+\) once per element of tables`
	}
}

// Walking a list of implementations is dispatch, not a loop over data.
func countAll(ctx context.Context, counters []counter) {
	for _, c := range counters {
		_ = c.Count(ctx, "users")
	}
}

// Interfaces of the standard library are not resolved: io.Writer has
// many implementations, and writing is not a query.
type auditLog struct{ db *sql.DB }

func (a auditLog) Write(p []byte) (int, error) { // want Write:`roundtrips\(write: \(\*sql.DB\).Exec\)`
	_, err := a.db.Exec("INSERT INTO audit (line) VALUES ($1)", string(p))
	return len(p), err
}

func report(w io.Writer, lines []string) {
	for _, l := range lines {
		fmt.Fprintln(w, l)
		_, _ = w.Write([]byte(l))
	}
}

// A notifier nobody implements here: nothing to resolve.
func notifyAll(ctx context.Context, n ports.Notifier, msgs []string) {
	for _, m := range msgs {
		_ = n.Notify(ctx, m)
	}
}
