// Package metrics is the real-libraries fixture of perfvet's metrics
// analyzer: its rules written against the real client_golang (prometheus,
// promauto, promhttp), OpenTelemetry (metric API, otelhttp, otelgin,
// otelgrpc, and otelecho and otelmux, which record traces only), go-kit, VictoriaMetrics/metrics, net/http, chi, gin, echo
// (and echoprometheus), gorilla/mux and gRPC APIs, once wrong (with a want
// comment) and once right (its twin, with none). A change in a library's
// API that moves a method, changes a signature or renames a type makes
// this package fail to compile or the test that runs the analyzer on it
// fail.
//
// Functions are unexported so that they carry no facts to expect; the
// metrics and middleware in package telemetry are exported and their facts
// are expected.
package metrics
