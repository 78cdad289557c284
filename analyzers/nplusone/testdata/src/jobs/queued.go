package jobs

import (
	"context"

	"jobs/queue"
)

// Notifier's handler runs once per message a worker takes from the
// program's own queue (answer's ExternalNotificationService.Handler): its
// loop over the subscribers is the job's, not a request's.
type Notifier struct{}

func NewNotifier(q queue.Service[string]) *Notifier {
	n := &Notifier{}
	q.RegisterHandler(n.Handle)
	return n
}

func (n *Notifier) Handle(ctx context.Context, topic string) error { // want Handle:`roundtrips\(read: \(\*jobs.Notifier\).notify`
	return n.notify(ctx, topic)
}

func (n *Notifier) notify(ctx context.Context, topic string) error {
	for _, id := range idsOf(ctx, "SELECT user_id FROM subscriptions WHERE topic = $1") {
		_, _ = db.ExecContext(ctx, "UPDATE users SET notified = true WHERE id = $1", id)
	}
	return nil
}

// The same through the concrete queue, with a function literal.
func NewConcrete() *queue.Queue[string] {
	q := queue.New[string](16)
	q.RegisterHandler(func(ctx context.Context, topic string) error {
		for _, id := range idsOf(ctx, "SELECT user_id FROM subscriptions WHERE topic = $1") {
			_, _ = db.ExecContext(ctx, "UPDATE users SET notified = true WHERE id = $1", id)
		}
		return nil
	})
	return q
}

// The twin: a hook runs on the path of the request that fires it.
type Auditor struct{ hooks *queue.Hooks[string] }

func NewAuditor(h *queue.Hooks[string]) *Auditor {
	a := &Auditor{hooks: h}
	h.Register(a.Handle)
	return a
}

func (a *Auditor) Handle(ctx context.Context, topic string) error { // want Handle:`roundtrips\(read: jobs.idsOf`
	for _, id := range idsOf(ctx, "SELECT user_id FROM subscriptions WHERE topic = $1") {
		_, _ = db.ExecContext(ctx, "UPDATE users SET audited = true WHERE id = $1", id) // want `runs a write once per element of idsOf`
	}
	return nil
}
