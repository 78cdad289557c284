// Package validate is a command's package (not internal, not main): its
// exported functions that only its command calls are part of the
// command (openfga's validate-models); one that a handler calls too is
// request work.
package validate

import (
	"context"
	"database/sql"

	"github.com/spf13/cobra"
)

var DB *sql.DB

func NewCommand() *cobra.Command {
	return &cobra.Command{Use: "validate", RunE: run}
}

func run(cmd *cobra.Command, args []string) error {
	ValidateAll(cmd.Context())
	Check(cmd.Context())
	return nil
}

func ids(ctx context.Context) []int64 {
	rows, err := DB.QueryContext(ctx, "SELECT id FROM stores ORDER BY id LIMIT 100")
	if err != nil {
		return nil
	}
	defer rows.Close()
	var out []int64
	for rows.Next() {
		var id int64
		_ = rows.Scan(&id)
		out = append(out, id)
	}
	return out
}

// ValidateAll is called only by the command: silent.
func ValidateAll(ctx context.Context) {
	for _, id := range ids(ctx) {
		_ = DB.QueryRowContext(ctx, "SELECT model FROM models WHERE store_id = $1", id).Scan(new(string))
	}
}

// Check is called by the command and by a handler: reported.
func Check(ctx context.Context) {
	for _, id := range ids(ctx) {
		_ = DB.QueryRowContext(ctx, "SELECT name FROM stores WHERE id = $1", id).Scan(new(string)) // want `once per element`
	}
}

// Unused is called by no package; this package is not internal, so other
// modules may: reported, as an API.
func Unused(ctx context.Context) {
	for _, id := range ids(ctx) {
		_ = DB.QueryRowContext(ctx, "SELECT owner FROM stores WHERE id = $1", id).Scan(new(string)) // want `once per element`
	}
}
