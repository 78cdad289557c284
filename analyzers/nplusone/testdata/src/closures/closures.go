package closures // want package:`impls\(repo\)`

// Package closures reaches queries through function values: closures,
// method values, literals handed to helpers and library functions.

import (
	"context"
	"database/sql"
	"slices"
	"sync"

	"each"
)

var db *sql.DB

type item struct{ ID, Owner int64 }

func ownerName(ctx context.Context, id int64) string {
	var s string
	_ = db.QueryRowContext(ctx, "SELECT name FROM owners WHERE id = $1", id).Scan(&s)
	return s
}

func closureVar(ctx context.Context, items []item) {
	load := func(id int64) string { return ownerName(ctx, id) }
	for _, it := range items {
		_ = load(it.Owner) // want `^load runs a query \(closures.ownerName → \(\*sql.DB\).QueryRowContext in closures/closures.go:\d+\) once per element of items`
	}
}

func immediate(ctx context.Context, items []item) {
	for _, it := range items {
		func() {
			_ = ownerName(ctx, it.Owner) // want `^closures.ownerName runs a query \(\(\*sql.DB\).QueryRowContext in closures/closures.go:\d+\) once per element of items`
		}()
	}
}

type repo struct{}

func (repo) Owner(ctx context.Context, id int64) string { return ownerName(ctx, id) } // want Owner:`roundtrips\(read: closures.ownerName → \(\*sql.DB\).QueryRowContext\)`

func methodValue(ctx context.Context, r repo, items []item) {
	get := r.Owner
	for _, it := range items {
		_ = get(ctx, it.Owner) // want `^get runs a query \(\(closures.repo\).Owner → closures.ownerName → \(\*sql.DB\).QueryRowContext in closures/closures.go:\d+\) once per element of items`
	}
}

// A literal handed to a helper that calls it once per element: the
// helper's loop is the loop.
func helperLoop(ctx context.Context, items []item) {
	each.ForEach(items, func(it item) {
		_ = ownerName(ctx, it.Owner) // want `^closures.ownerName runs a query .* once per element each.ForEach iterates; load them`
	})
	_ = each.Map(items, func(it item, _ int) string {
		return ownerName(ctx, it.Owner) // want `once per element each.Map iterates`
	})
	names := make(map[int64]string)
	each.ForEach(items, func(it item) { _ = names[it.Owner] })
}

// A literal handed to a helper that calls it once, inside a loop.
func helperOnce(ctx context.Context, items []item) {
	for _, it := range items {
		_ = each.Try(func() error {
			_, err := db.ExecContext(ctx, "UPDATE items SET seen = true WHERE id = $1", it.ID) // want `^\(\*sql.DB\).ExecContext runs a write once per element of items`
			return err
		})
	}
}

// A literal registered in a loop runs later, not per element here.
func register(ctx context.Context, items []item) {
	for _, it := range items {
		each.Register("owner", func() { _ = ownerName(ctx, it.Owner) })
	}
}

// sync.Once runs its function at most once.
func once(ctx context.Context, items []item) {
	var o sync.Once
	var first string
	for _, it := range items {
		o.Do(func() { first = ownerName(ctx, it.Owner) })
	}
	_ = first
}

// The standard library's callbacks: a query in a comparator runs for
// every comparison.
func sortByOwner(ctx context.Context, items []item) {
	slices.SortFunc(items, func(a, b item) int {
		return compare(ownerName(ctx, a.Owner), ownerName(ctx, b.Owner)) // want `once per element of items` `once per element of items`
	})
	_ = slices.ContainsFunc(items, func(it item) bool {
		return ownerName(ctx, it.Owner) == "" // want `^closures.ownerName runs a query .* once per element of items`
	})
}

func sortByOwnerOnce(ctx context.Context, items []item) {
	owners := make(map[int64]string)
	slices.SortFunc(items, func(a, b item) int { return compare(owners[a.Owner], owners[b.Owner]) })
}

// A named function handed to a per-element caller: reported at the call.
func isOrphan(it item) bool { return ownerName(context.Background(), it.Owner) == "" }

func dropOrphans(items []item) []item {
	return slices.DeleteFunc(items, isOrphan) // want `^slices.DeleteFunc calls isOrphan, which runs a query \(closures.ownerName → \(\*sql.DB\).QueryRowContext in closures/closures.go:\d+\) once per element of items`
}

func compare(a, b string) int {
	switch {
	case a < b:
		return -1
	case a > b:
		return 1
	}
	return 0
}
