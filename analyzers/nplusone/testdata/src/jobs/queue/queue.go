// Package queue is a program's own job queue, as apache answer's
// internal/base/queue: RegisterHandler keeps the handler in a field, and
// a worker goroutine calls it once per message it receives from the
// queue's channel. Hooks is the twin: what Register keeps runs at once,
// on the caller's path, when Fire is called.
package queue

import "context"

// Service is how the program holds a queue.
type Service[T any] interface {
	Send(ctx context.Context, msg T)
	RegisterHandler(handler func(ctx context.Context, msg T) error)
}

type Queue[T any] struct {
	queue   chan T
	handler func(ctx context.Context, msg T) error
}

func New[T any](size int) *Queue[T] {
	q := &Queue[T]{queue: make(chan T, size)}
	go q.work()
	return q
}

func (q *Queue[T]) Send(ctx context.Context, msg T) { q.queue <- msg }

func (q *Queue[T]) RegisterHandler(handler func(ctx context.Context, msg T) error) {
	q.handler = handler
}

func (q *Queue[T]) work() {
	for msg := range q.queue {
		q.process(msg)
	}
}

func (q *Queue[T]) process(msg T) {
	handler := q.handler
	if handler == nil {
		return
	}
	_ = handler(context.Background(), msg)
}

// Hooks run what is registered when the caller fires them.
type Hooks[T any] struct {
	hook func(ctx context.Context, msg T) error
}

func (h *Hooks[T]) Register(hook func(ctx context.Context, msg T) error) { h.hook = hook }

func (h *Hooks[T]) Fire(ctx context.Context, msg T) error { return h.hook(ctx, msg) }
