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

// A job handed to the program's own job manager (stash's JobManager.Add
// of an autoTagJob): the manager's goroutine calls its Execute, off the
// request path.
type reindexJob struct{ topic string }

func (j *reindexJob) Execute(ctx context.Context) error { // want Execute:`roundtrips`
	for _, id := range idsOf(ctx, "SELECT user_id FROM subscriptions WHERE topic = $1") {
		_, _ = db.ExecContext(ctx, "UPDATE users SET indexed = true WHERE id = $1", id)
	}
	return nil
}

// Describe is a method of the job that the manager's worker does not
// call: the request that calls it runs its loop.
func (j *reindexJob) Describe() string { // want Describe:`roundtrips`
	ctx := context.Background()
	for _, id := range idsOf(ctx, "SELECT user_id FROM subscriptions WHERE topic = $1") {
		_, _ = db.ExecContext(ctx, "UPDATE users SET described = true WHERE id = $1", id) // want `runs a write once per element of idsOf`
	}
	return j.topic
}

func StartReindex(ctx context.Context, m *queue.Manager, topic string) string { // want StartReindex:`roundtrips`
	j := &reindexJob{topic: topic}
	m.Add(ctx, j)
	return j.Describe()
}

// The twin: the same kind of value handed to a runner that runs it on
// the caller's path.
type exportJob struct{ topic string }

func (j *exportJob) Execute(ctx context.Context) error { // want Execute:`roundtrips`
	for _, id := range idsOf(ctx, "SELECT user_id FROM subscriptions WHERE topic = $1") {
		_, _ = db.ExecContext(ctx, "UPDATE users SET exported = true WHERE id = $1", id) // want `runs a write once per element of idsOf`
	}
	return nil
}

func (j *exportJob) Describe() string { return j.topic }

func RunExport(ctx context.Context, topic string) error { // want RunExport:`roundtrips\(open: \(\*queue.Runner\).Run`
	return queue.NewRunner(&exportJob{topic: topic}).Run(ctx)
}
