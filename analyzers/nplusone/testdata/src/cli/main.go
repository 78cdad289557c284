// Command cli seeds a database once: main's loops run once per run.
package main

import (
	"context"
	"database/sql"
	"os"
)

var db *sql.DB

func main() {
	ctx := context.Background()
	for _, name := range os.Args[1:] {
		_, _ = db.ExecContext(ctx, "INSERT INTO users (name) VALUES ($1)", name)
	}
	serve(ctx, os.Args[1:])
}

// A function main calls is not main: serve may be a server's.
func serve(ctx context.Context, names []string) {
	for _, name := range names {
		_, _ = db.ExecContext(ctx, "INSERT INTO users (name) VALUES ($1)", name) // want `once per element of names`
	}
}
