// Package metrics is a stub of github.com/VictoriaMetrics/metrics.
package metrics

import (
	"io"
	"time"
)

type Counter struct{}

func NewCounter(name string) *Counter         { return nil }
func GetOrCreateCounter(name string) *Counter { return nil }
func (c *Counter) Inc()                       {}

type Histogram struct{}

func NewHistogram(name string) *Histogram           { return nil }
func GetOrCreateHistogram(name string) *Histogram   { return nil }
func (h *Histogram) Update(v float64)               {}
func (h *Histogram) UpdateDuration(start time.Time) {}

type PrometheusHistogram struct{}

func NewPrometheusHistogramExt(name string, upperBounds []float64) *PrometheusHistogram { return nil }
func (h *PrometheusHistogram) UpdateDuration(start time.Time)                           {}

func WritePrometheus(w io.Writer, exposeProcessMetrics bool) {}
