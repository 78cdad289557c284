// Package pagedapi loops over what package pagedstore reads: its fact
// tells a page from every row.
package pagedapi

import (
	"context"

	"pagedstore"
)

func Recent(ctx context.Context) { // want Recent:`roundtrips\(read: pagedstore.Recent → \(\*sql.DB\).QueryContext\)`
	for _, u := range pagedstore.Recent(ctx) {
		_ = pagedstore.Profile(ctx, u.ID) // want `once per element of pagedstore.Recent\(ctx\)`
	}
}

// The negative twin: every user of one team.
func Team(ctx context.Context, teamID int64) { // want Team:`roundtrips\(read: pagedstore.Team → \(\*sql.DB\).QueryContext\)`
	for _, u := range pagedstore.Team(ctx, teamID) {
		_ = pagedstore.Profile(ctx, u.ID)
	}
}
