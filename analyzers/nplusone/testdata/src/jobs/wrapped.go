package jobs

import (
	"context"

	"jobs/sched"
)

// RegisterReminders schedules the reminder job through the program's own
// wrapper of cron: the job's loop is not request work.
func RegisterReminders() {
	_ = sched.Schedule("* * * * *", func() {
		ctx := context.Background()
		for _, id := range idsOf(ctx, "SELECT id FROM reminders WHERE due < now()") {
			_, _ = db.ExecContext(ctx, "UPDATE reminders SET sent = true WHERE id = $1", id)
		}
	})
	sched.Every(5, func() { remindOverdue(context.Background()) })
}

// remindOverdue is called only by the job Every schedules.
func remindOverdue(ctx context.Context) {
	for _, id := range idsOf(ctx, "SELECT id FROM tasks WHERE overdue") {
		_, _ = db.ExecContext(ctx, "UPDATE tasks SET reminded = true WHERE id = $1", id)
	}
}

// SendReminders is the twin: the same loop handed to a function that
// runs it at once, on a request's path.
func SendReminders(ctx context.Context) { // want SendReminders:`roundtrips\(read: sched.Now`
	sched.Now(func() {
		for _, id := range idsOf(ctx, "SELECT id FROM reminders WHERE due < now()") {
			_, _ = db.ExecContext(ctx, "UPDATE reminders SET sent = true WHERE id = $1", id) // want `runs a write once per element of idsOf`
		}
	})
}
