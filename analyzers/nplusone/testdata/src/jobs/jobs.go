package jobs // want package:`impls\(Auditor Manager Notifier Syncers exportJob reindexJob\)`

// This package checks scheduled and background jobs: a cron job's code, a
// goroutine started by start-up code, the body of a timer loop, and the
// functions of the package only they call, are not request work.

import (
	"context"
	"database/sql"
	"net/http"
	"time"

	"github.com/robfig/cron/v3"
)

var db *sql.DB

// CleanupTokens deletes expired tokens one by one; only the cron job
// InitCleanupTokens schedules calls it.
func CleanupTokens() error { // want CleanupTokens:`roundtrips\(read: \(\*sql.DB\).Query; write: \(\*sql.DB\).Exec\)`
	rows, err := db.Query("SELECT id FROM tokens WHERE expires < now()")
	if err != nil {
		return err
	}
	var ids []int64
	for rows.Next() {
		var id int64
		_ = rows.Scan(&id)
		ids = append(ids, id)
	}
	_ = rows.Close()
	for _, id := range ids {
		_, _ = db.Exec("DELETE FROM tokens WHERE id = $1", id)
	}
	return nil
}

func InitCleanupTokens() { // want InitCleanupTokens:`roundtrips\(read: jobs.CleanupTokens`
	go func() { _ = CleanupTokens() }()
	c := cron.New()
	_, _ = c.AddFunc("0 * * * *", func() { _ = CleanupTokens() })
	c.Start()
}

// monitor runs in a paced loop: its helper's loop is background work.
func monitor(ctx context.Context) {
	for {
		checkSites(ctx)
		time.Sleep(time.Minute)
	}
}

func checkSites(ctx context.Context) {
	for _, id := range idsOf(ctx, "SELECT id FROM sites") {
		_, _ = db.ExecContext(ctx, "UPDATE sites SET checked = now() WHERE id = $1", id)
	}
}

// ExpireSessions is called by a handler too: it is request work.
func ExpireSessions(ctx context.Context) { // want ExpireSessions:`roundtrips\(read: jobs.idsOf → \(\*sql.DB\).QueryContext; write: \(\*sql.DB\).ExecContext\)`
	ids := idsOf(ctx, "SELECT id FROM sessions WHERE expires < now()")
	for _, id := range ids {
		_, _ = db.ExecContext(ctx, "DELETE FROM sessions WHERE id = $1", id) // want `once per element of ids;`
	}
}

func InitExpireSessions() {
	c := cron.New()
	_, _ = c.AddFunc("0 * * * *", func() { ExpireSessions(context.Background()) })
}

func expireHandler(w http.ResponseWriter, r *http.Request) {
	ExpireSessions(r.Context())
}

type Manager struct{}

func listUserIDs(ctx context.Context) []int64 { return idsOf(ctx, "SELECT id FROM users") }

// idsOf runs a query of ids and returns them.
func idsOf(ctx context.Context, query string) []int64 {
	var ids []int64
	rows, _ := db.QueryContext(ctx, query)
	for rows.Next() {
		var id int64
		_ = rows.Scan(&id)
		ids = append(ids, id)
	}
	return ids
}

// A constructor runs at start-up, once per component.
func NewManager(ctx context.Context) *Manager { // want NewManager:`roundtrips`
	for _, id := range listUserIDs(ctx) {
		_, _ = db.ExecContext(ctx, "UPDATE users SET plugins_loaded = true WHERE id = $1", id)
	}
	return &Manager{}
}

// The twin: the same loop in a method, which may serve a request.
func (m *Manager) Reload(ctx context.Context) { // want Reload:`roundtrips`
	for _, id := range listUserIDs(ctx) {
		_, _ = db.ExecContext(ctx, "UPDATE users SET plugins_loaded = true WHERE id = $1", id) // want `once per element of listUserIDs\(ctx\);`
	}
}

// Syncers starts one sync per configured source. InitSyncers, start-up
// code, calls StartAll directly: its loop runs once, at start-up.
type Syncers struct{}

func InitSyncers() { // want InitSyncers:`roundtrips`
	if err := (&Syncers{}).StartAll(context.Background()); err != nil {
		panic(err)
	}
}

func (s *Syncers) StartAll(ctx context.Context) error { // want StartAll:`roundtrips`
	for _, id := range listUserIDs(ctx) {
		_, _ = db.ExecContext(ctx, "UPDATE sources SET started = now() WHERE id = $1", id)
	}
	return nil
}

// The twin: Restart is called by a handler too, so it is request work.
func (s *Syncers) Restart(ctx context.Context) { // want Restart:`roundtrips`
	for _, id := range listUserIDs(ctx) {
		_, _ = db.ExecContext(ctx, "UPDATE sources SET started = now() WHERE id = $1", id) // want `once per element of listUserIDs\(ctx\);`
	}
}

func InitRestart() { // want InitRestart:`roundtrips`
	(&Syncers{}).Restart(context.Background())
}

func restartHandler(w http.ResponseWriter, r *http.Request) {
	(&Syncers{}).Restart(r.Context())
}
