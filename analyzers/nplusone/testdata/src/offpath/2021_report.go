package offpath

import (
	"context"
	"database/sql"
)

// A file named for a year, not a version: request code like any other.
func ReportBlocks(ctx context.Context, tx *sql.Tx, ids []int64) error { // want ReportBlocks:`roundtrips\(write: \(\*sql.Tx\).ExecContext\)`
	for _, id := range ids {
		if _, err := tx.ExecContext(ctx, "UPDATE feeds SET block = $1 WHERE id = $1", id); err != nil { // want `once per element of ids`
			return err
		}
	}
	return nil
}
