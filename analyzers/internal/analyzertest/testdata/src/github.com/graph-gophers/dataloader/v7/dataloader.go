// Package dataloader is a stub of github.com/graph-gophers/dataloader/v7:
// Load queues a key; the batch function runs once for all of them.
package dataloader

import "context"

type Thunk[V any] func() (V, error)

type BatchFunc[K comparable, V any] func(ctx context.Context, keys []K) []*Result[V]

type Result[V any] struct {
	Data  V
	Error error
}

type Loader[K comparable, V any] struct{ batch BatchFunc[K, V] }

func NewBatchedLoader[K comparable, V any](batch BatchFunc[K, V]) *Loader[K, V] {
	return &Loader[K, V]{batch: batch}
}

func (l *Loader[K, V]) Load(ctx context.Context, key K) Thunk[V] {
	return func() (V, error) {
		r := l.batch(ctx, []K{key})
		return r[0].Data, r[0].Error
	}
}
