// Package offpath holds loops that run once per value of something but
// are not per-element work on a request's data: timer ticks, job queues,
// retries and polls, migrations, commands and configuration. Each sits
// next to a twin that is still an N+1.
package offpath

import (
	"context"
	"database/sql"
	"sync"
	"time"

	"github.com/go-gormigrate/gormigrate/v2"
	"github.com/pressly/goose/v3"
	"github.com/spf13/cobra"
	"gorm.io/gorm"
)

var db *sql.DB

// ---- timer ticks ----

// A scheduler runs its query once per tick, not once per element.
func cleanupScheduler(ctx context.Context, every time.Duration) {
	for range time.Tick(every) {
		_, _ = db.ExecContext(ctx, "DELETE FROM sessions WHERE expires < now()")
	}
}

func tickerScheduler(ctx context.Context, every time.Duration) {
	t := time.NewTicker(every)
	defer t.Stop()
	for range t.C {
		_, _ = db.ExecContext(ctx, "DELETE FROM sessions WHERE expires < now()")
	}
	for {
		select {
		case <-ctx.Done():
			return
		case <-t.C:
			_, _ = db.ExecContext(ctx, "DELETE FROM tokens WHERE expires < now()")
		case <-time.After(every):
			_, _ = db.ExecContext(ctx, "DELETE FROM nonces WHERE expires < now()")
		}
	}
}

// A loop over data inside the scheduler is still one query per element.
func feedScheduler(ctx context.Context, every time.Duration) {
	for range time.Tick(every) {
		for _, id := range dueFeeds(ctx) {
			_, _ = db.ExecContext(ctx, "UPDATE feeds SET checked_at = now() WHERE id = $1", id) // want `once per element of dueFeeds\(ctx\)`
		}
	}
}

// A component whose constructor starts a goroutine paced by a timer
// (navidrome's buffered scrobbler): building one per element queries on
// the goroutine's schedule, not once per element.
type flusher struct{ user string }

func newFlusher(ctx context.Context, user string) *flusher {
	f := &flusher{user: user}
	go f.run(ctx)
	return f
}

func (f *flusher) run(ctx context.Context) {
	t := time.NewTimer(time.Minute)
	for {
		select {
		case <-ctx.Done():
			return
		case <-t.C:
			_, _ = db.ExecContext(ctx, "DELETE FROM queue WHERE user_id = $1", f.user)
		}
	}
}

func startFlushers(ctx context.Context, users []string) []*flusher {
	var out []*flusher
	for _, u := range dueUsers(ctx, users) {
		out = append(out, newFlusher(ctx, u))
	}
	return out
}

// Its twin starts a goroutine per element that queries once and ends:
// that is one query per element, run concurrently.
func newOneShot(ctx context.Context, user string) {
	go func() {
		_, _ = db.ExecContext(ctx, "DELETE FROM queue WHERE user_id = $1", user)
	}()
}

func flushAll(ctx context.Context, users []string) {
	for _, u := range dueUsers(ctx, users) {
		newOneShot(ctx, u) // want `once per element of dueUsers\(ctx, users\)`
	}
}

func dueUsers(ctx context.Context, users []string) []string {
	rows, err := db.QueryContext(ctx, "SELECT id FROM users WHERE id = ANY($1)", users)
	if err != nil {
		return nil
	}
	defer rows.Close()
	var out []string
	for rows.Next() {
		var id string
		_ = rows.Scan(&id)
		out = append(out, id)
	}
	return out
}

func dueFeeds(ctx context.Context) []int64 {
	rows, err := db.QueryContext(ctx, "SELECT id FROM feeds WHERE next_check < now()")
	if err != nil {
		return nil
	}
	defer rows.Close()
	var ids []int64
	for rows.Next() {
		var id int64
		if rows.Scan(&id) == nil {
			ids = append(ids, id)
		}
	}
	return ids
}

// ---- job queues ----

type job struct{ FeedID int64 }

// A worker takes jobs from a queue others fill: each job's queries are
// that job's own.
func worker(ctx context.Context, jobs <-chan job) {
	for j := range jobs {
		refresh(ctx, j.FeedID)
	}
	for {
		j, ok := <-jobs
		if !ok {
			return
		}
		refresh(ctx, j.FeedID)
	}
}

func refresh(ctx context.Context, feedID int64) {
	_, _ = db.ExecContext(ctx, "UPDATE feeds SET checked_at = now() WHERE id = $1", feedID)
}

// A pool of workers started in a loop shares the jobs of one batch: the
// jobs come from a query, but each is a unit of work of its own.
func refreshBatch(ctx context.Context) {
	jobs := dueFeeds(ctx)
	queue := make(chan int64, len(jobs))
	var wg sync.WaitGroup
	for i := 0; i < 4; i++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for id := range queue {
				refresh(ctx, id)
			}
		}()
	}
	for _, id := range jobs {
		queue <- id
	}
	close(queue)
	wg.Wait()
}

// A channel filled from a result set and drained by one loop is the
// result set itself: one query per row.
func pipeline(ctx context.Context) {
	ids := make(chan int64)
	go func() {
		defer close(ids)
		rows, err := db.QueryContext(ctx, "SELECT id FROM users")
		if err != nil {
			return
		}
		defer rows.Close()
		for rows.Next() {
			var id int64
			if rows.Scan(&id) == nil {
				ids <- id
			}
		}
	}()
	for id := range ids {
		_ = db.QueryRowContext(ctx, "SELECT name FROM profiles WHERE user_id = $1", id) // want `once per value received from ids`
	}
}

// So is a stream a query returns.
func streamFeeds(ctx context.Context) <-chan int64 {
	ch := make(chan int64)
	go func() {
		defer close(ch)
		for _, id := range dueFeeds(ctx) {
			ch <- id
		}
	}()
	return ch
}

func consumeStream(ctx context.Context) {
	for id := range streamFeeds(ctx) {
		refresh(ctx, id) // want `once per value received from streamFeeds\(ctx\)`
	}
}

// ---- retries, polls and paced loops ----

func ping(ctx context.Context, replica string) error {
	_, err := db.ExecContext(ctx, "SELECT pg_notify('ping', $1)", replica)
	return err
}

// A fail-over runs until one replica answers: the first success ends it.
func failover(ctx context.Context, replicas []string) error {
	var err error
	for _, r := range replicas {
		if err = ping(ctx, r); err == nil {
			return nil
		}
	}
	for _, r := range replicas {
		err = ping(ctx, r)
		if err == nil {
			break
		}
	}
	return err
}

// Ending on the first failure is not a retry: it pings every replica.
func pingAll(ctx context.Context, replicas []string) error {
	for _, r := range replicas {
		if err := ping(ctx, r); err != nil { // want `once per element of replicas`
			return err
		}
	}
	return nil
}

// A loop that waits between elements is paced on purpose (a backfill
// that spares the database, a poll with backoff).
func pacedBackfill(ctx context.Context, ids []int64, attempts int) {
	for _, id := range ids {
		refresh(ctx, id)
		time.Sleep(100 * time.Millisecond)
	}
	for _, id := range ids {
		select {
		case <-ctx.Done():
			return
		case <-time.After(time.Second):
		}
		refresh(ctx, id)
	}
	for attempt := 0; attempt < attempts; attempt++ {
		if ping(ctx, "primary") == nil {
			return
		}
	}
}

func unpacedBackfill(ctx context.Context, ids []int64) {
	for _, id := range ids {
		refresh(ctx, id) // want `once per element of ids`
	}
}

// ---- migrations ----

func init() {
	goose.AddMigrationContext(upBackfillSlugs, downBackfillSlugs)
}

func upBackfillSlugs(ctx context.Context, tx *sql.Tx) error {
	for _, id := range dueFeeds(ctx) {
		if _, err := tx.ExecContext(ctx, "UPDATE feeds SET slug = id::text WHERE id = $1", id); err != nil {
			return err
		}
	}
	return nil
}

func downBackfillSlugs(ctx context.Context, tx *sql.Tx) error { return nil }

var gormMigrations = []*gormigrate.Migration{{
	ID: "202401010000",
	Migrate: func(tx *gorm.DB) error {
		var ids []int64
		tx.Find(&ids)
		for _, id := range ids {
			tx.Exec("UPDATE users SET slug = id WHERE id = ?", id)
		}
		return nil
	},
}}

var migrations = []func(ctx context.Context, tx *sql.Tx) error{
	func(ctx context.Context, tx *sql.Tx) error {
		for _, id := range dueFeeds(ctx) {
			_, _ = tx.ExecContext(ctx, "UPDATE feeds SET hash = md5(url) WHERE id = $1", id)
		}
		return nil
	},
}

// The same backfill in request code is one write per element.
func backfillSlugs(ctx context.Context, tx *sql.Tx, ids []int64) error {
	for _, id := range ids {
		if _, err := tx.ExecContext(ctx, "UPDATE feeds SET slug = id::text WHERE id = $1", id); err != nil { // want `once per element of ids`
			return err
		}
	}
	return nil
}

// ---- commands ----

var importCmd = &cobra.Command{
	Use: "import",
	RunE: func(cmd *cobra.Command, args []string) error {
		for _, url := range args {
			_, _ = db.ExecContext(cmd.Context(), "INSERT INTO feeds (url) VALUES ($1)", url)
		}
		return nil
	},
}

var exportCmd = &cobra.Command{Use: "export", RunE: runExport}

func runExport(cmd *cobra.Command, args []string) error {
	for _, id := range dueFeeds(context.Background()) {
		refresh(context.Background(), id)
	}
	return exportAll(cmd.Context(), args)
}

// A helper only the command calls is part of the command.
func exportAll(ctx context.Context, urls []string) error {
	for _, url := range urls {
		_, _ = db.ExecContext(ctx, "INSERT INTO exports (url) VALUES ($1)", url)
	}
	return nil
}

// A helper the command and a handler both call is reported.
func importURLs(ctx context.Context, urls []string) {
	for _, url := range urls {
		_, _ = db.ExecContext(ctx, "INSERT INTO feeds (url) VALUES ($1)", url) // want `once per element of urls`
	}
}

var syncCmd = &cobra.Command{Use: "sync", RunE: func(cmd *cobra.Command, args []string) error {
	importURLs(cmd.Context(), args)
	return nil
}}

func syncHandler(ctx context.Context, urls []string) { importURLs(ctx, urls) }

// The handler that imports a request's feeds makes one write per feed.
func importHandler(ctx context.Context, urls []string) {
	for _, url := range urls {
		_, _ = db.ExecContext(ctx, "INSERT INTO feeds (url) VALUES ($1)", url) // want `once per element of urls`
	}
}

// A helper that only a command's literal calls is part of the command
// (navidrome's pls export); its twin, importURLs, is called by a handler
// too.
var listCmd = &cobra.Command{Use: "list", Run: func(cmd *cobra.Command, args []string) {
	listFeeds(cmd.Context())
}}

func listFeeds(ctx context.Context) {
	for _, id := range dueFeeds(ctx) {
		refresh(ctx, id)
	}
}

// ---- configuration ----

type Config struct {
	Tenants []string
}

var cfg Config

// The tenants a deployment configures are as many as its author wrote.
func warmTenants(ctx context.Context) {
	for _, t := range cfg.Tenants {
		_, _ = db.ExecContext(ctx, "INSERT INTO tenants (name) VALUES ($1) ON CONFLICT DO NOTHING", t)
	}
}

type signup struct {
	Tenants []string
}

// The tenants a request names are the request's data.
func signupTenants(ctx context.Context, req *signup) {
	for _, t := range req.Tenants {
		_, _ = db.ExecContext(ctx, "INSERT INTO tenants (name) VALUES ($1) ON CONFLICT DO NOTHING", t) // want `once per element of req.Tenants`
	}
}
