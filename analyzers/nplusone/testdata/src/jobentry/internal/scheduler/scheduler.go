// Package scheduler starts the jobs of files on a schedule.
package scheduler

import (
	"context"

	"github.com/robfig/cron/v3"

	"jobentry/export"
	"jobentry/internal/files"
)

func Start(svc *files.Service) {
	c := cron.New()
	_, _ = c.AddFunc("@hourly", func() {
		ctx := context.Background()
		svc.CleanOrphans(ctx)
		svc.Reindex(ctx)
		svc.Notify(ctx)
		svc.Audit(ctx)
		export.All(ctx, nil)
		svc.Scrub(ctx)
		svc.Rollup(ctx)
	})
	_, _ = c.AddFunc("@daily", files.Compact)
	c.Start()
}
