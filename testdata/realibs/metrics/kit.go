package metrics

import (
	kitprom "github.com/go-kit/kit/metrics/prometheus"
	stdprometheus "github.com/prometheus/client_golang/prometheus"
)

var kitDurationNoStatus = kitprom.NewHistogramFrom(stdprometheus.HistogramOpts{
	Name:    "http_request_duration_seconds",
	Buckets: stdprometheus.DefBuckets,
}, []string{"method", "path"}) // want `http_request_duration_seconds has no label status, which the plan requires`

var kitDuration = kitprom.NewHistogramFrom(stdprometheus.HistogramOpts{
	Name:    "http_request_duration_seconds",
	Buckets: stdprometheus.DefBuckets,
}, []string{"method", "path", "status"})

var kitCalls = kitprom.NewCounterFrom(stdprometheus.CounterOpts{Name: "kit_calls"}, nil) // want `counter kit_calls does not end in _total`

var kitCallsTotal = kitprom.NewCounterFrom(stdprometheus.CounterOpts{Name: "kit_calls_total"}, nil)

func kitRecord(seconds float64) {
	kitDuration.With("method", "GET", "path", "/", "status", "200").Observe(seconds)
}
