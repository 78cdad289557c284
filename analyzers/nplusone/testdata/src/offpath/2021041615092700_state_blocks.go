package offpath

import (
	"context"
	"database/sql"
)

// A versioned migration step (dendrite's storage deltas): runs once, over
// the rows a schema change left.
func UpStateBlocks(ctx context.Context, tx *sql.Tx) error { // want UpStateBlocks:`roundtrips\(read: offpath.dueFeeds → \(\*sql.DB\).QueryContext; write: \(\*sql.Tx\).ExecContext\)`
	for _, id := range dueFeeds(ctx) {
		if _, err := tx.ExecContext(ctx, "UPDATE feeds SET block = $1 WHERE id = $1", id); err != nil {
			return err
		}
	}
	return nil
}
