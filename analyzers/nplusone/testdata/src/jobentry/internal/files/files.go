// Package files has loops in exported functions that it does not call
// itself: whether they run per request is for their users to say.
package files

import (
	"context"
	"database/sql"

	"jobentry/internal/store"
)

var db *sql.DB

type Service struct {
	Users store.Users
	Tx    Txer
}

// Txer runs a function in a transaction (pocketbase's core.App).
type Txer interface {
	RunInTransaction(fn func() error) error
}

func idsOf(ctx context.Context, q string) []int64 {
	rows, err := db.QueryContext(ctx, q)
	if err != nil {
		return nil
	}
	defer rows.Close()
	var ids []int64
	for rows.Next() {
		var id int64
		_ = rows.Scan(&id)
		ids = append(ids, id)
	}
	return ids
}

// CleanOrphans is used only by a cron job of another package: not
// reported.
func (s *Service) CleanOrphans(ctx context.Context) {
	for _, id := range idsOf(ctx, "SELECT id FROM files") {
		_ = db.QueryRowContext(ctx, "SELECT 1 FROM posts WHERE file_id = $1", id).Scan(new(int))
	}
}

// Reindex is used by a cron job and by a handler: reported.
func (s *Service) Reindex(ctx context.Context) {
	for _, id := range idsOf(ctx, "SELECT id FROM files") {
		_ = db.QueryRowContext(ctx, "SELECT name FROM files WHERE id = $1", id).Scan(new(string)) // want `once per element`
	}
}

// PurgeAll is used by no package of the program (dead code, or used by
// its tests only): no request runs it, silent.
func PurgeAll(ctx context.Context) {
	for _, id := range idsOf(ctx, "SELECT id FROM files") {
		_ = db.QueryRowContext(ctx, "SELECT path FROM files WHERE id = $1", id).Scan(new(string))
	}
}

// Sweep is reached through an interface a handler converts the service
// to: any caller of the interface may run it, reported.
func (s *Service) Sweep(ctx context.Context) {
	for _, id := range idsOf(ctx, "SELECT id FROM files") {
		_ = db.QueryRowContext(ctx, "SELECT size FROM files WHERE id = $1", id).Scan(new(int)) // want `once per element`
	}
}

// Compact is handed to a scheduler as a function value: not reported.
func Compact() {
	ctx := context.Background()
	for _, id := range idsOf(ctx, "SELECT id FROM files") {
		_ = db.QueryRowContext(ctx, "SELECT hash FROM files WHERE id = $1", id).Scan(new(string))
	}
}

// Rebuild is called in its own package by RebuildAll alone, which a
// handler calls: reported.
func (s *Service) Rebuild(ctx context.Context) {
	for _, id := range idsOf(ctx, "SELECT id FROM files") {
		_ = db.QueryRowContext(ctx, "SELECT mime FROM files WHERE id = $1", id).Scan(new(string)) // want `once per element`
	}
}

// RebuildAll calls Rebuild.
func RebuildAll(ctx context.Context) { (&Service{}).Rebuild(ctx) }

// Notify reaches the users' repository, whose implementation only the
// program (main) sees, once per file; only a cron job uses it: not
// reported.
func (s *Service) Notify(ctx context.Context) {
	for _, id := range idsOf(ctx, "SELECT owner_id FROM files") {
		_, _ = s.Users.Name(ctx, id)
	}
}

// Audit is Notify's twin that a handler uses: reported, by main, which
// resolves the interface.
func (s *Service) Audit(ctx context.Context) {
	for _, id := range idsOf(ctx, "SELECT owner_id FROM files") {
		_, _ = s.Users.Name(ctx, id) // want `\(store.Users\).Name, implemented by \(\*pg.Users\).Name, may run a query`
	}
}

// Warm is called by func main, which may serve requests: reported.
func Warm(ctx context.Context) {
	for _, id := range idsOf(ctx, "SELECT id FROM files") {
		_ = db.QueryRowContext(ctx, "SELECT etag FROM files WHERE id = $1", id).Scan(new(string)) // want `once per element`
	}
}

// Scrub is used only by a cron job of another package, but its own
// package converts the service to an interface that has it, whose
// callers may run it anywhere: reported.
func (s *Service) Scrub(ctx context.Context) {
	for _, id := range idsOf(ctx, "SELECT id FROM files") {
		_ = db.QueryRowContext(ctx, "SELECT acl FROM files WHERE id = $1", id).Scan(new(string)) // want `once per element`
	}
}

// AsScrubber hands the service on as a Scrubber.
func AsScrubber(s *Service) interface{ Scrub(ctx context.Context) } { return s }

// Rollup is used only by a cron job of another package (beszel's
// CreateLongerRecords); it calls Average, in a transaction's body.
func (s *Service) Rollup(ctx context.Context) {
	_ = s.Tx.RunInTransaction(func() error {
		s.Average(ctx)
		s.Summarize(ctx)
		return nil
	})
}

// Average is exported, but only the cron job's Rollup calls it: its loop
// is the job's, not reported.
func (s *Service) Average(ctx context.Context) {
	for _, id := range idsOf(ctx, "SELECT id FROM stats") {
		_ = db.QueryRowContext(ctx, "SELECT stats FROM stats WHERE id = $1", id).Scan(new(string))
	}
}

// Summarize is Average's twin that a handler of another package calls
// too: reported.
func (s *Service) Summarize(ctx context.Context) {
	for _, id := range idsOf(ctx, "SELECT id FROM stats") {
		_ = db.QueryRowContext(ctx, "SELECT total FROM stats WHERE id = $1", id).Scan(new(int)) // want `once per element`
	}
}
