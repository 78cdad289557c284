package nplusone

import (
	"context"
	"slices"

	"golang.org/x/sync/errgroup"

	"example.com/realibs/nplusone/store"
)

var repo = &store.Repo{}

// Through the store's methods, across the package boundary.
func reachHelpers(ctx context.Context, ids []int64) {
	for _, id := range ids {
		_, _ = repo.Name(ctx, id)       // want `^\(\*store.Repo\).Name runs a query \(\(\*sql.DB\).QueryRowContext in store/store.go:\d+\) once per element of ids; load them in one query before the loop \(WHERE id = ANY\(\$1\), or IN \(...\)\)$`
		_, _ = repo.CachedName(ctx, id) // want `^\(\*store.Repo\).CachedName runs a Redis round trip \(\(redis.UniversalClient\).Get in store/store.go:\d+\) once per element of ids; fetch them in one round trip with MGet or a pipeline \(Pipelined\)$`
		_ = repo.Touch(ctx, id)         // want `^\(\*store.Repo\).Touch runs a write \(\(\*pgxpool.Pool\).Exec in store/store.go:\d+\) once per element of ids`
		_ = store.Key(id)
	}
	_, _ = repo.Names(ctx, ids)
}

// Through the store's interface: its implementation is in an imported
// package.
func reachInterface(ctx context.Context, users store.Users, ids []int64) {
	for _, id := range ids {
		_, _ = users.Name(ctx, id) // want `^\(store.Users\).Name may run a query \(\(\*store.Repo\).Name → \(\*sql.DB\).QueryRowContext in store/store.go:\d+\) once per element of ids`
	}
	_, _ = users.Names(ctx, ids)
}

// Goroutines per element, with the real errgroup.
func reachGoroutines(ctx context.Context, ids []int64) error {
	g, ctx := errgroup.WithContext(ctx)
	g.SetLimit(8)
	for _, id := range ids {
		g.Go(func() error {
			_, err := repo.Name(ctx, id) // want `^\(\*store.Repo\).Name runs a query .* once per element of ids, each in its own goroutine`
			return err
		})
	}
	return g.Wait()
}

// Closures and standard callbacks.
func reachClosures(ctx context.Context, ids []int64) {
	name := func(id int64) string {
		n, _ := repo.Name(ctx, id)
		return n
	}
	for _, id := range ids {
		_ = name(id) // want `^name runs a query \(\(\*store.Repo\).Name → \(\*sql.DB\).QueryRowContext in store/store.go:\d+\) once per element of ids`
	}
	slices.SortFunc(ids, func(a, b int64) int {
		na, _ := repo.Name(ctx, a) // want `once per element of ids`
		if na == "" {
			return -1
		}
		return int(a - b)
	})
}

// Iterators.
func reachIterator(ctx context.Context, byID map[int64]string) {
	for id := range mapsKeys(byID) {
		_ = repo.Touch(ctx, id) // want `once per element of mapsKeys\(byID\)`
	}
}

func mapsKeys(m map[int64]string) func(func(int64) bool) {
	return func(yield func(int64) bool) {
		for k := range m {
			if !yield(k) {
				return
			}
		}
	}
}
