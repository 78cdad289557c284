// Package service hands on the lists it is handed.
package service

import (
	"context"

	"handedin/store"
)

// Format hands its list on to store.Names: its own callers decide.
func Format(ctx context.Context, users []store.User) {
	store.Names(ctx, users)
}

// Hooks keeps a function value: whoever calls it is unseen.
var Hooks = []func(context.Context, []store.User){store.Hook}
