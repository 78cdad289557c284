// want package:`metrics\(api_calls:counter\{\} db_query_ms:histogram\{\} job_duration:summary\{\} queue_depth_total:gauge\{\}\)`

// Package namingoff defines metrics against Prometheus' naming
// conventions: with -naming off (the default) they are not reported, since
// renaming a metric a service already exports breaks its dashboards (defs
// holds the same definitions, reported under -naming).
package namingoff

import (
	"github.com/prometheus/client_golang/prometheus"
	"github.com/prometheus/client_golang/prometheus/promauto"
)

var (
	apiCalls        = prometheus.NewCounter(prometheus.CounterOpts{Name: "api_calls"})
	queueDepthTotal = prometheus.NewGauge(prometheus.GaugeOpts{Name: "queue_depth_total"})
	queryMillis     = prometheus.NewHistogram(prometheus.HistogramOpts{Name: "db_query_ms"})
	jobDuration     = promauto.NewSummaryVec(prometheus.SummaryOpts{Name: "job_duration"}, nil)
)

var _ = []any{apiCalls, queueDepthTotal, queryMillis, jobDuration}
