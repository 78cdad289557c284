// Package prometheus is a stub of github.com/go-kit/kit/metrics/prometheus.
package prometheus

import (
	"github.com/go-kit/kit/metrics"
	stdprometheus "github.com/prometheus/client_golang/prometheus"
)

type Counter struct{}

func NewCounterFrom(opts stdprometheus.CounterOpts, labelNames []string) *Counter { return nil }
func (c *Counter) With(labelValues ...string) metrics.Counter                     { return c }
func (c *Counter) Add(delta float64)                                              {}

type Histogram struct{}

func NewHistogramFrom(opts stdprometheus.HistogramOpts, labelNames []string) *Histogram { return nil }
func (h *Histogram) With(labelValues ...string) metrics.Histogram                       { return h }
func (h *Histogram) Observe(value float64)                                              {}
