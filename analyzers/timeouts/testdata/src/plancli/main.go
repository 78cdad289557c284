// Package plancli is a command (and a client of a service) that serves no
// requests: the plan's request_timeout and query_timeout do not bound its
// deadlines or its clients' timeouts. planbounds has the request-path
// twins.
package main

import (
	"context"
	"database/sql"
	"net/http"
	"time"
)

// A client SDK's client: slow refresh calls are deliberate.
var client = &http.Client{Timeout: 80 * time.Second}

func newClient() *http.Client {
	c := &http.Client{}
	c.Timeout = 2 * time.Minute
	return c
}

// migrate is a background job: an hour for the whole migration.
func migrate(db *sql.DB) error {
	ctx, cancel := context.WithTimeout(context.Background(), time.Hour)
	defer cancel()
	_, err := db.ExecContext(ctx, "ALTER TABLE t ADD COLUMN c int")
	return err
}

func main() {
	ctx, cancel := context.WithTimeout(context.Background(), 10*time.Minute)
	defer cancel()
	req, _ := http.NewRequestWithContext(ctx, "GET", "https://example.com/", nil)
	resp, err := newClient().Do(req)
	if err == nil {
		resp.Body.Close()
	}
	_ = client
	_ = migrate(nil)
}
