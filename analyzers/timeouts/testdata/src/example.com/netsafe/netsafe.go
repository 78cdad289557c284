// Package netsafe is a program's helper that marks a context (3x-ui's
// netsafe.ContextWithAllowPrivate).
package netsafe

import "context"

type allowKey struct{}

func ContextWithAllowPrivate(ctx context.Context, allow bool) context.Context {
	return context.WithValue(ctx, allowKey{}, allow)
}

// Detached returns a context of its own.
func Detached(allow bool) context.Context {
	return context.WithValue(context.Background(), allowKey{}, allow)
}
