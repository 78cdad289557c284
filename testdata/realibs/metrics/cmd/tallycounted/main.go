// want package:`metrics\(orders_total:counter\)`

// Command tallycounted is tallytimed's twin: it counts its requests with
// uber-go/tally and times nothing, so the plan's latency histogram is
// missing: reported.
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
		w.WriteHeader(http.StatusNoContent)
		scope.Counter("orders_total").Inc(1)
	})
	srv := &http.Server{Addr: ":8080", Handler: mux, ReadHeaderTimeout: time.Second}
	_ = srv.ListenAndServe() // want `the program served here does not define http_request_duration_seconds`
}
