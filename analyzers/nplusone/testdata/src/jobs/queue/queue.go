// Package queue is a program's own job queue, as apache answer's
// internal/base/queue: RegisterHandler keeps the handler in a field, and
// a worker goroutine calls it once per message it receives from the
// queue's channel. Hooks is the twin: what Register keeps runs at once,
// on the caller's path, when Fire is called.
package queue

import (
	"context"
	"sync"
)

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

// Exec is a job that a Manager runs (stash's job.JobExec).
type Exec interface {
	Execute(ctx context.Context) error
	Describe() string
}

type job struct {
	exec Exec
	ctx  context.Context
}

// Manager queues jobs and runs them one at a time, each in a goroutine
// of its own (stash's job.Manager): Add keeps the value in a job that it
// appends to the queue, and the dispatcher's goroutine calls Execute.
type Manager struct {
	mu       sync.Mutex
	notEmpty *sync.Cond
	queue    []*job
}

func NewManager() *Manager {
	m := &Manager{}
	m.notEmpty = sync.NewCond(&m.mu)
	go m.dispatcher()
	return m
}

func (m *Manager) Add(ctx context.Context, e Exec) {
	m.mu.Lock()
	defer m.mu.Unlock()
	m.queue = append(m.queue, &job{exec: e, ctx: context.WithoutCancel(ctx)})
	m.notEmpty.Broadcast()
}

func (m *Manager) dispatcher() {
	m.mu.Lock()
	for {
		for len(m.queue) == 0 {
			m.notEmpty.Wait()
		}
		j := m.queue[0]
		m.queue = m.queue[1:]
		m.dispatch(j)
	}
}

func (m *Manager) dispatch(j *job) {
	go m.execute(j)
}

func (m *Manager) execute(j *job) {
	_ = j.exec.Execute(j.ctx)
}

// Runner is the twin: it runs what it holds on the caller's path.
type Runner struct{ exec Exec }

func NewRunner(e Exec) *Runner { return &Runner{exec: e} }

func (r *Runner) Run(ctx context.Context) error { return r.exec.Execute(ctx) }
