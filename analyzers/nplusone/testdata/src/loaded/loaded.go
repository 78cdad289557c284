// Package loaded checks second passes over loaded lists: a lazy loader
// called again on elements their producer already loaded runs no query.
package loaded

import (
	"context"

	"loaded/store"
)

// A second pass over issues store.Issues loaded: silent.
func listIssues(ctx context.Context, n int) {
	issues, err := store.Issues(ctx, n)
	if err != nil {
		return
	}
	for i := range issues {
		_ = issues[i].LoadAttributes(ctx)
	}
	for _, issue := range issues {
		if err := issue.LoadAttributes(ctx); err != nil {
			return
		}
	}
	// Their repositories' owners were loaded with the repositories.
	for _, issue := range issues {
		_ = issue.Repo.GetOwner(ctx)
	}
}

// The repositories' parents were not loaded: reported.
func parents(ctx context.Context, n int) {
	issues, _ := store.Issues(ctx, n)
	for _, issue := range issues {
		_ = issue.Repo.GetParent(ctx) // want `once per element of issues`
	}
}

// The same loop over a page nobody loaded: reported.
func listRaw(ctx context.Context, n int) {
	issues, _ := store.Page(ctx, n)
	for i := range issues {
		_ = issues[i].LoadAttributes(ctx) // want `once per element of issues`
	}
}

// A method that reads whatever the issue holds runs again: reported.
func refreshAll(ctx context.Context, n int) {
	issues, _ := store.Issues(ctx, n)
	for _, issue := range issues {
		_ = issue.Refresh(ctx) // want `once per element of issues`
	}
}

// A range over the producer's call: silent too.
func recent(ctx context.Context) {
	for _, issue := range store.Recent(ctx) {
		_ = issue.LoadAttributes(ctx)
	}
}
