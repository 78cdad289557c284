// Package metric is a stub of go.opentelemetry.io/otel/metric.
package metric

import "context"

type Meter interface {
	Int64Counter(name string, options ...Int64CounterOption) (Int64Counter, error)
	Float64Counter(name string, options ...Float64CounterOption) (Float64Counter, error)
	Float64Histogram(name string, options ...Float64HistogramOption) (Float64Histogram, error)
	Int64Histogram(name string, options ...Int64HistogramOption) (Int64Histogram, error)
}

type MeterProvider interface {
	Meter(name string) Meter
}

type Int64Counter interface {
	Add(ctx context.Context, incr int64, options ...AddOption)
}
type Float64Counter interface {
	Add(ctx context.Context, incr float64, options ...AddOption)
}
type Float64Histogram interface {
	Record(ctx context.Context, incr float64, options ...RecordOption)
}
type Int64Histogram interface {
	Record(ctx context.Context, incr int64, options ...RecordOption)
}

type AddOption interface{}
type RecordOption interface{}

type Int64CounterOption interface{ int64Counter() }
type Float64CounterOption interface{ float64Counter() }
type Float64HistogramOption interface{ float64Histogram() }
type Int64HistogramOption interface{ int64Histogram() }

type InstrumentOption interface {
	Int64CounterOption
	Float64CounterOption
	Float64HistogramOption
	Int64HistogramOption
}

type HistogramOption interface {
	Float64HistogramOption
	Int64HistogramOption
}

type opt struct{}

func (opt) int64Counter()     {}
func (opt) float64Counter()   {}
func (opt) float64Histogram() {}
func (opt) int64Histogram()   {}

func WithUnit(u string) InstrumentOption                             { return opt{} }
func WithDescription(d string) InstrumentOption                      { return opt{} }
func WithExplicitBucketBoundaries(bounds ...float64) HistogramOption { return opt{} }
