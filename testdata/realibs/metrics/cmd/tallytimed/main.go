// want package:`metrics\(latency_seconds:summary\)`

// Command tallytimed measures its requests with uber-go/tally, reported
// to Prometheus (nakama's per-RPC timers, tagged by the RPC's id): under
// the default plan, a program that times its work under names and tags
// of its own is not reported for lacking the plan's metrics.
// tallycounted is the twin that only counts requests: reported.
package main

import (
	"net/http"
	"time"

	"github.com/uber-go/tally/v4"
	promreporter "github.com/uber-go/tally/v4/prometheus"
)

func main() {
	reporter := promreporter.NewReporter(promreporter.Options{})
	scope, closer := tally.NewRootScope(tally.ScopeOptions{Prefix: "app", CachedReporter: reporter, Separator: promreporter.DefaultSeparator}, time.Second)
	defer closer.Close()
	mux := http.NewServeMux()
	mux.Handle("/metrics", reporter.HTTPHandler())
	mux.HandleFunc("/orders", func(w http.ResponseWriter, r *http.Request) {
		start := time.Now()
		w.WriteHeader(http.StatusNoContent)
		scope.Tagged(map[string]string{"rpc_id": "orders"}).Timer("latency_seconds").Record(time.Since(start))
	})
	srv := &http.Server{Addr: ":8080", Handler: mux, ReadHeaderTimeout: time.Second}
	_ = srv.ListenAndServe()
}
