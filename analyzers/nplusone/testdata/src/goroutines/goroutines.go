// Package goroutines starts a goroutine per element that queries.
package goroutines

import (
	"context"
	"database/sql"
	"sync"

	"golang.org/x/sync/errgroup"
)

var db *sql.DB

func name(ctx context.Context, id int64) (string, error) {
	var s string
	err := db.QueryRowContext(ctx, "SELECT name FROM users WHERE id = $1", id).Scan(&s)
	return s, err
}

func fanOut(ctx context.Context, ids []int64) {
	var wg sync.WaitGroup
	for _, id := range ids {
		wg.Add(1)
		go func() {
			defer wg.Done()
			_, _ = name(ctx, id) // want `^goroutines.name runs a query \(\(\*sql.DB\).QueryRowContext in goroutines/goroutines.go:\d+\) once per element of ids, each in its own goroutine; load them in one query before the loop`
		}()
	}
	wg.Wait()
}

func goStmt(ctx context.Context, ids []int64) {
	for _, id := range ids {
		go name(ctx, id) // want `once per element of ids, each in its own goroutine`
	}
}

func errGroup(ctx context.Context, ids []int64) error {
	g, ctx := errgroup.WithContext(ctx)
	for _, id := range ids {
		g.Go(func() error {
			_, err := name(ctx, id) // want `once per element of ids, each in its own goroutine`
			return err
		})
	}
	return g.Wait()
}

func waitGroupGo(ctx context.Context, ids []int64) {
	var wg sync.WaitGroup
	for _, id := range ids {
		wg.Go(func() {
			_, _ = name(ctx, id) // want `each in its own goroutine`
		})
	}
	wg.Wait()
}

// One goroutine, one query for all of them.
func fanOutBatched(ctx context.Context, ids []int64) {
	done := make(chan struct{})
	go func() {
		defer close(done)
		rows, err := db.QueryContext(ctx, "SELECT name FROM users WHERE id = ANY($1)", ids)
		if err == nil {
			rows.Close()
		}
	}()
	<-done
}

// prefetch starts a goroutine that queries: callers pay for it.
func Prefetch(ctx context.Context, id int64) { // want Prefetch:`roundtrips\(read: goroutines.name → \(\*sql.DB\).QueryRowContext\)`
	go func() { _, _ = name(ctx, id) }()
}

func warm(ctx context.Context, ids []int64) {
	for _, id := range ids {
		Prefetch(ctx, id) // want `^goroutines.Prefetch runs a query`
	}
}

// A method value handed to errgroup per element.
type account struct{ ID int64 }

func (a account) refresh() error {
	_, err := db.Exec("UPDATE accounts SET refreshed_at = now() WHERE id = $1", a.ID)
	return err
}

func refreshAll(ctx context.Context, accounts []account) error {
	g, _ := errgroup.WithContext(ctx)
	for _, a := range accounts {
		g.Go(a.refresh) // want `^\(\*errgroup.Group\).Go runs a write \(\(goroutines.account\).refresh → \(\*sql.DB\).Exec in goroutines/goroutines.go:\d+\) once per element of accounts, each in its own goroutine; write them in one statement`
	}
	return g.Wait()
}

func refreshAllAtOnce(ctx context.Context, accounts []account) error {
	ids := make([]int64, len(accounts))
	for i, a := range accounts {
		ids[i] = a.ID
	}
	_, err := db.ExecContext(ctx, "UPDATE accounts SET refreshed_at = now() WHERE id = ANY($1)", ids)
	return err
}
