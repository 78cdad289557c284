// want package:`metrics\(http_client_request_duration_seconds:histogram\{method,host,status\}\)`

// Package clients runs under a plan that requires client and pool
// metrics.
package clients

import (
	"database/sql"
	"net/http"
	"time"

	"github.com/prometheus/client_golang/prometheus"
	"github.com/prometheus/client_golang/prometheus/promauto"
	"github.com/prometheus/client_golang/prometheus/promhttp"
	"go.opentelemetry.io/contrib/instrumentation/net/http/otelhttp"
)

var clientDuration = promauto.NewHistogramVec(prometheus.HistogramOpts{Name: "http_client_request_duration_seconds"}, []string{"method", "host", "status"})

var plain = &http.Client{Timeout: 5 * time.Second} // want `http.Client has no instrumented Transport, so its calls are missing from the client request metrics the plan requires; wrap its Transport with otelhttp.NewTransport or promhttp.InstrumentRoundTripperDuration`

var traced = &http.Client{Timeout: 5 * time.Second, Transport: otelhttp.NewTransport(http.DefaultTransport)}

var bareTransport = &http.Client{Transport: &http.Transport{}} // want `http.Client has no instrumented Transport`

var measured = &http.Client{Transport: promhttp.InstrumentRoundTripperDuration(clientDuration, http.DefaultTransport)}

func newClient(rt http.RoundTripper) *http.Client {
	c := &http.Client{Timeout: time.Second}
	c.Transport = rt // set after the literal
	return c
}

func openPool() (*sql.DB, error) {
	db, err := sql.Open("pgx", "postgres://") // want `this database pool's statistics are exported by no collector, so the pool metrics the plan requires \(open, in-use and waiting connections\) are missing; register collectors.NewDBStatsCollector\(db, name\)`
	if err != nil {
		return nil, err
	}
	db.SetMaxOpenConns(10)
	return nil, db.Ping()
}

func openPoolHandedOff(register func(*sql.DB)) error {
	db, err := sql.Open("pgx", "postgres://")
	if err != nil {
		return err
	}
	register(db) // may register a collector
	return nil
}
