// Package prometheus is a stub of github.com/prometheus/client_golang/prometheus: the signatures perfvet matches.
package prometheus

import "time"

type Labels map[string]string

type Opts struct {
	Namespace   string
	Subsystem   string
	Name        string
	Help        string
	ConstLabels Labels
}

type CounterOpts Opts
type GaugeOpts Opts
type UntypedOpts Opts

type HistogramOpts struct {
	Namespace                   string
	Subsystem                   string
	Name                        string
	Help                        string
	ConstLabels                 Labels
	Buckets                     []float64
	NativeHistogramBucketFactor float64
}

type SummaryOpts struct {
	Namespace   string
	Subsystem   string
	Name        string
	Help        string
	ConstLabels Labels
	Objectives  map[float64]float64
}

type Collector interface{}

type Metric interface{}

type Observer interface{ Observe(float64) }

type ObserverVec interface {
	GetMetricWith(Labels) (Observer, error)
	GetMetricWithLabelValues(lvs ...string) (Observer, error)
	With(Labels) Observer
	WithLabelValues(...string) Observer
	CurryWith(Labels) (ObserverVec, error)
	MustCurryWith(Labels) ObserverVec
}

type Counter interface {
	Metric
	Collector
	Inc()
	Add(float64)
}

type Gauge interface {
	Metric
	Collector
	Set(float64)
	Inc()
	Dec()
	Add(float64)
	Sub(float64)
	SetToCurrentTime()
}

type Histogram interface {
	Metric
	Collector
	Observe(float64)
}

type Summary interface {
	Metric
	Collector
	Observe(float64)
}

type CounterFunc interface{ Metric }
type GaugeFunc interface{ Metric }
type UntypedFunc interface{ Metric }

type CounterVec struct{}

func (v *CounterVec) WithLabelValues(lvs ...string) Counter   { return nil }
func (v *CounterVec) With(labels Labels) Counter              { return nil }
func (v *CounterVec) MustCurryWith(labels Labels) *CounterVec { return v }

type GaugeVec struct{}

func (v *GaugeVec) WithLabelValues(lvs ...string) Gauge { return nil }
func (v *GaugeVec) With(labels Labels) Gauge            { return nil }

type HistogramVec struct{}

func (v *HistogramVec) WithLabelValues(lvs ...string) Observer                   { return nil }
func (v *HistogramVec) With(labels Labels) Observer                              { return nil }
func (v *HistogramVec) GetMetricWithLabelValues(lvs ...string) (Observer, error) { return nil, nil }
func (v *HistogramVec) MustCurryWith(labels Labels) ObserverVec                  { return nil }
func (v *HistogramVec) CurryWith(labels Labels) (ObserverVec, error)             { return nil, nil }
func (v *HistogramVec) GetMetricWith(labels Labels) (Observer, error)            { return nil, nil }

type SummaryVec struct{}

func (v *SummaryVec) WithLabelValues(lvs ...string) Observer { return nil }

func NewCounter(opts CounterOpts) Counter                                   { return nil }
func NewCounterVec(opts CounterOpts, labelNames []string) *CounterVec       { return nil }
func NewCounterFunc(opts CounterOpts, function func() float64) CounterFunc  { return nil }
func NewGauge(opts GaugeOpts) Gauge                                         { return nil }
func NewGaugeVec(opts GaugeOpts, labelNames []string) *GaugeVec             { return nil }
func NewGaugeFunc(opts GaugeOpts, function func() float64) GaugeFunc        { return nil }
func NewHistogram(opts HistogramOpts) Histogram                             { return nil }
func NewHistogramVec(opts HistogramOpts, labelNames []string) *HistogramVec { return nil }
func NewSummary(opts SummaryOpts) Summary                                   { return nil }
func NewSummaryVec(opts SummaryOpts, labelNames []string) *SummaryVec       { return nil }

type Desc struct{}

func NewDesc(fqName, help string, variableLabels []string, constLabels Labels) *Desc { return nil }

var DefBuckets = []float64{.005, .01, .025, .05, .1, .25, .5, 1, 2.5, 5, 10}

func LinearBuckets(start, width float64, count int) []float64                   { return nil }
func ExponentialBuckets(start, factor float64, count int) []float64             { return nil }
func ExponentialBucketsRange(minBucket, maxBucket float64, count int) []float64 { return nil }

type Registerer interface{ MustRegister(...Collector) }

func MustRegister(cs ...Collector) {}

type Timer struct{}

func NewTimer(o Observer) *Timer                { return &Timer{} }
func (t *Timer) ObserveDuration() time.Duration { return 0 }
