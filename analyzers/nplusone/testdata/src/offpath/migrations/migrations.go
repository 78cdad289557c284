// Package migrations is named for migrations: its loops run once per
// migration, not per request.
package migrations

import (
	"context"
	"database/sql"
)

func BackfillEmails(ctx context.Context, tx *sql.Tx, ids []int64) error { // want BackfillEmails:`roundtrips\(write: \(\*sql.Tx\).ExecContext\)`
	for _, id := range ids {
		if _, err := tx.ExecContext(ctx, "UPDATE users SET email = lower(email) WHERE id = $1", id); err != nil {
			return err
		}
	}
	return nil
}
