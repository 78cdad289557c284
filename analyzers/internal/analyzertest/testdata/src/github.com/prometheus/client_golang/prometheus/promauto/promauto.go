// Package promauto is a stub of github.com/prometheus/client_golang/prometheus/promauto.
package promauto

import "github.com/prometheus/client_golang/prometheus"

func NewCounter(opts prometheus.CounterOpts) prometheus.Counter { return nil }
func NewCounterVec(opts prometheus.CounterOpts, labelNames []string) *prometheus.CounterVec {
	return nil
}
func NewGauge(opts prometheus.GaugeOpts) prometheus.Gauge             { return nil }
func NewHistogram(opts prometheus.HistogramOpts) prometheus.Histogram { return nil }
func NewHistogramVec(opts prometheus.HistogramOpts, labelNames []string) *prometheus.HistogramVec {
	return nil
}
func NewSummaryVec(opts prometheus.SummaryOpts, labelNames []string) *prometheus.SummaryVec {
	return nil
}

type Factory struct{}

func With(r prometheus.Registerer) Factory { return Factory{} }

func (f Factory) NewCounterVec(opts prometheus.CounterOpts, labelNames []string) *prometheus.CounterVec {
	return nil
}
func (f Factory) NewHistogramVec(opts prometheus.HistogramOpts, labelNames []string) *prometheus.HistogramVec {
	return nil
}
