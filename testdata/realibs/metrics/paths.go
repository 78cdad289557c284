package metrics

import (
	"context"
	"errors"
	"strconv"
	"time"

	"github.com/prometheus/client_golang/prometheus"
	"github.com/prometheus/client_golang/prometheus/promauto"
	"go.opentelemetry.io/otel/metric"
)

// A return after the work that skips the duration the function observes
// on its other paths (metrics' path rule, openfga's Check), on the real
// client_golang and OTel APIs, each with its fixed twin.

var checkDuration = promauto.NewHistogramVec(prometheus.HistogramOpts{
	Name:    "check_duration_seconds",
	Buckets: []float64{0.01, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10},
}, []string{"allowed"})

type checker interface {
	Check(ctx context.Context, id string) (bool, error)
}

var errInvalid = errors.New("invalid id")

func check(ctx context.Context, c checker, id string) (bool, error) {
	start := time.Now()
	if id == "" {
		return false, errInvalid // before the work
	}
	// The result labels the duration: the error path measured the work
	// and drops it.
	ok, err := c.Check(ctx, id)
	if err != nil {
		return false, err // want `check returns here after Check without recording check_duration_seconds, which its other paths observe with the time since paths.go:30`
	}
	checkDuration.WithLabelValues(strconv.FormatBool(ok)).Observe(time.Since(start).Seconds())
	return ok, nil
}

func checkFixed(ctx context.Context, c checker, id string) (bool, error) {
	start := time.Now()
	if id == "" {
		return false, errInvalid
	}
	ok, err := c.Check(ctx, id)
	checkDuration.WithLabelValues(strconv.FormatBool(ok)).Observe(time.Since(start).Seconds())
	if err != nil {
		return false, err
	}
	return ok, nil
}

func checkOTel(ctx context.Context, hist metric.Float64Histogram, c checker, id string) (bool, error) {
	start := time.Now()
	ok, err := c.Check(ctx, id)
	if ok {
		return ok, err // want `checkOTel returns here after Check without recording the histogram, which its other paths observe`
	}
	hist.Record(ctx, time.Since(start).Seconds())
	return ok, err
}

func checkOTelDeferred(ctx context.Context, hist metric.Float64Histogram, c checker, id string) (bool, error) {
	start := time.Now()
	defer func() { hist.Record(ctx, time.Since(start).Seconds()) }()
	ok, err := c.Check(ctx, id)
	if ok {
		return ok, err
	}
	return ok, err
}
