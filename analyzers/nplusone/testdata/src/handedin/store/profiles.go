package store

import (
	"context"

	"handedin/repo"
)

// ProfileNames calls the program's interface per element; main resolves
// it, and a handler hands the function a page: reported.
func ProfileNames(ctx context.Context, r repo.Profiles, users []User) {
	for _, u := range users {
		_ = r.Profile(ctx, u.ID) // want `once per element of users`
	}
}

// ProfileNamesOf is the twin, handed only the ids a request carries:
// not reported.
func ProfileNamesOf(ctx context.Context, r repo.Profiles, ids []int64) {
	for _, id := range ids {
		_ = r.Profile(ctx, id)
	}
}
