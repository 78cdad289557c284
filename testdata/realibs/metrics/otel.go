package metrics

import (
	"context"
	"time"

	"go.opentelemetry.io/otel"
	"go.opentelemetry.io/otel/metric"
)

var meter = otel.Meter("example.com/realibs/metrics")

// Under the default plan, OTel names are not the plan's metrics: only the
// naming of Prometheus names is checked, and OTel names are left alone.
func otelInstruments(ctx context.Context, start time.Time) error {
	hist, err := meter.Float64Histogram("http.server.request.duration",
		metric.WithUnit("s"),
		metric.WithExplicitBucketBoundaries(0.05, 0.1, 0.25, 0.5, 1, 2.5))
	if err != nil {
		return err
	}
	hist.Record(ctx, time.Since(start).Seconds())
	counter, err := meter.Int64Counter("app.jobs", metric.WithUnit("{job}"))
	if err != nil {
		return err
	}
	counter.Add(ctx, 1)
	return nil
}
