// Package ent is a stub of the entgo.io/ent runtime: the interfaces that
// generated code runs its queries and mutations through.
package ent

import "context"

type (
	Value    any
	Query    any
	Mutation interface{ Op() string }

	Querier interface {
		Query(context.Context, Query) (Value, error)
	}
	QuerierFunc func(context.Context, Query) (Value, error)

	Mutator interface {
		Mutate(context.Context, Mutation) (Value, error)
	}
)

func (f QuerierFunc) Query(ctx context.Context, q Query) (Value, error) { return f(ctx, q) }
