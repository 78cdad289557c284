// want package:`metrics\(api_latency:histogram\{path\} api_latency_ms:histogram\{path\} job_duration_seconds:histogram\{\} queue_wait:histogram\{\}\)`

// Package units observes durations into histograms: in the unit of their
// buckets, and (casdoor's object/prometheus.go) in milliseconds into
// client_golang's default buckets, which are in seconds.
package units

import (
	"time"

	"github.com/prometheus/client_golang/prometheus"
	"github.com/prometheus/client_golang/prometheus/promauto"
)

var (
	apiLatency       = promauto.NewHistogramVec(prometheus.HistogramOpts{Name: "api_latency"}, []string{"path"})
	apiLatencyMillis = promauto.NewHistogramVec(prometheus.HistogramOpts{
		Name:    "api_latency_ms",
		Buckets: []float64{5, 10, 50, 100, 500, 1000, 5000},
	}, []string{"path"})
	jobDuration = prometheus.NewHistogram(prometheus.HistogramOpts{Name: "job_duration_seconds", Buckets: []float64{600, 1800, 3600}})
	queueWait   = prometheus.NewHistogram(prometheus.HistogramOpts{Name: "queue_wait", Buckets: []float64{0.1, 1, 10}})
)

// finish is casdoor's ApiController.Finish: milliseconds into seconds.
func finish(path string, start time.Time) {
	latency := time.Since(start).Milliseconds()
	apiLatency.WithLabelValues(path).Observe(float64(latency)) // want `api_latency observes milliseconds \(time.Duration.Milliseconds\), but its buckets are client_golang's default, in seconds \(0.005 to 10\), so almost every observation lands in the top bucket and its quantiles cannot show the latency objectives; observe seconds \(d.Seconds\(\)\)`
}

// finishSeconds is the same, fixed.
func finishSeconds(path string, start time.Time) {
	apiLatency.WithLabelValues(path).Observe(time.Since(start).Seconds())
}

// finishMillis observes milliseconds into buckets in milliseconds.
func finishMillis(path string, start time.Time) {
	apiLatencyMillis.WithLabelValues(path).Observe(float64(time.Since(start).Milliseconds()))
}

// job observes nanoseconds into a histogram named in seconds.
func job(d time.Duration) {
	jobDuration.Observe(float64(d)) // want `job_duration_seconds observes nanoseconds \(a time.Duration converted to float64\), but its name and buckets are in seconds`
	jobDuration.Observe(d.Seconds())
}

// wait observes microseconds into buckets in seconds.
func wait(d time.Duration) {
	queueWait.Observe(float64(d.Microseconds())) // want `queue_wait observes microseconds \(time.Duration.Microseconds\), but its buckets are in seconds`
	queueWait.Observe(d.Seconds())
	queueWait.Observe(float64(d.Microseconds()) / 1e6)
}

var _ = []any{finish, finishSeconds, finishMillis, job, wait}
