// Package cron holds scheduled jobs, by its name: its loops are not
// request work (the twin is jobs.ExpireSessions, reported).
package cron

import (
	"context"
	"database/sql"
)

var db *sql.DB

func EmailReports(ctx context.Context) error { // want EmailReports:`roundtrips`
	rows, err := db.QueryContext(ctx, "SELECT id FROM users WHERE wants_report")
	if err != nil {
		return err
	}
	var ids []int64
	for rows.Next() {
		var id int64
		_ = rows.Scan(&id)
		ids = append(ids, id)
	}
	for _, id := range ids {
		_, _ = db.ExecContext(ctx, "UPDATE users SET last_report = now() WHERE id = $1", id)
	}
	return nil
}
