// Command cli opens a pool it never bounds, and serves no requests: a
// one-off command is not what pool limits protect, so it is not reported
// (the twin of ../pools, which serves).
package main

import (
	"context"
	"database/sql"
	"net/http"
)

// check builds a transport for its one request: a command that serves no
// requests is not what keep-alive is about, so it is not reported (the
// twin of ../keepalive's fetch).
func check(ctx context.Context) error {
	client := &http.Client{Transport: &http.Transport{}}
	req, err := http.NewRequestWithContext(ctx, http.MethodGet, "https://example.com/health", nil)
	if err != nil {
		return err
	}
	resp, err := client.Do(req)
	if err != nil {
		return err
	}
	return resp.Body.Close()
}

func main() {
	db, err := sql.Open("pgx", "postgres://localhost/app")
	if err != nil {
		return
	}
	defer db.Close()
	_, _ = db.Exec("VACUUM")
	_ = check(context.Background())
}
