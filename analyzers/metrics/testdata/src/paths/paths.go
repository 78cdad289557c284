// want package:`metrics\(check_timeouts_total:counter\{\} datastore_query_count:histogram\{method\} request_duration_seconds:histogram\{method,queries\} shared_bypassed_total:counter\{\}\)`

// Package paths times its methods' work and observes the duration on
// their main path; some return on another path after the work without it
// (openfga's Check, before its fixes).
package paths

import (
	"context"
	"errors"
	"os"
	"time"

	"github.com/prometheus/client_golang/prometheus"
	"github.com/prometheus/client_golang/prometheus/promauto"
)

var (
	requestDuration = promauto.NewHistogramVec(prometheus.HistogramOpts{Name: "request_duration_seconds"}, []string{"method", "queries"})
	queryCount      = promauto.NewHistogramVec(prometheus.HistogramOpts{Name: "datastore_query_count"}, []string{"method"})
	timeouts        = promauto.NewCounter(prometheus.CounterOpts{Name: "check_timeouts_total"})
	namespace       = os.Getenv("METRICS_NAMESPACE") // the name is not constant
	unnamed         = promauto.NewHistogram(prometheus.HistogramOpts{Namespace: namespace, Name: "list_seconds"})
)

type Request struct{ ID string }

type Response struct {
	Allowed bool
	Queries int
}

type Meta struct{ Dispatches int }

type command struct{}

func (command) Execute(ctx context.Context, req *Request) (*Response, *Meta, error) {
	return &Response{}, &Meta{}, nil
}

type Server struct {
	cmd      command
	v2       bool
	validate func(*Request) error
}

func (s *Server) v2Check(ctx context.Context, req *Request) (*Response, error) {
	return &Response{}, nil
}

func (s *Server) authorize(ctx context.Context, req *Request) error { return nil }

func bucket(n int) string {
	if n > 10 {
		return "many"
	}
	return "few"
}

// check returns the v2 path's result before the metrics (openfga
// 1652918), and the command's error before them (openfga 73dceae).
func (s *Server) check(ctx context.Context, req *Request) (*Response, error) {
	start := time.Now()
	if err := s.validate(req); err != nil {
		return nil, err // before the work: nothing measured
	}
	if err := s.authorize(ctx, req); err != nil {
		return nil, err // before the work: nothing measured
	}
	if s.v2 {
		res, err := s.v2Check(ctx, req)
		if err == nil {
			return res, nil // want `check returns here after \(\*paths.Server\).v2Check without recording request_duration_seconds, which its other paths observe with the time since paths.go:63: requests that end on this path are missing from the latency histogram`
		}
	}
	resp, _, err := s.cmd.Execute(ctx, req)
	if err != nil {
		return nil, err
	}
	queryCount.WithLabelValues("check").Observe(float64(resp.Queries))
	requestDuration.WithLabelValues("check", bucket(resp.Queries)).Observe(time.Since(start).Seconds())
	return resp, nil
}

// checkFixed records on every path after the work: the v2 path records
// its own, and the command's metrics are recorded whatever its error.
func (s *Server) checkFixed(ctx context.Context, req *Request) (*Response, error) {
	start := time.Now()
	if err := s.validate(req); err != nil {
		return nil, err
	}
	if s.v2 {
		res, err := s.v2Check(ctx, req)
		if err == nil {
			requestDuration.WithLabelValues("check", "v2").Observe(time.Since(start).Seconds())
			return res, nil
		}
		start = time.Now() // the fallback is timed on its own
	}
	resp, meta, err := s.cmd.Execute(ctx, req)
	if meta != nil {
		queryCount.WithLabelValues("check").Observe(float64(meta.Dispatches))
	}
	if resp != nil {
		requestDuration.WithLabelValues("check", bucket(resp.Queries)).Observe(time.Since(start).Seconds())
	}
	if err != nil {
		return nil, err
	}
	return resp, nil
}

// checkError returns the command's error before recording what the
// command measured.
func (s *Server) checkError(ctx context.Context, req *Request) (*Response, error) {
	start := time.Now()
	resp, meta, err := s.cmd.Execute(ctx, req)
	if err != nil {
		if errors.Is(err, context.DeadlineExceeded) {
			timeouts.Inc() // another metric: the duration is still skipped
		}
		return nil, errors.Join(errors.New("check"), err) // want `checkError returns here after \(paths.command\).Execute without recording request_duration_seconds`
	}
	queryCount.WithLabelValues("check").Observe(float64(meta.Dispatches))
	requestDuration.WithLabelValues("check", bucket(resp.Queries)).Observe(time.Since(start).Seconds())
	return resp, nil
}

// checkDeferred records in a defer: every path is covered.
func (s *Server) checkDeferred(ctx context.Context, req *Request) (resp *Response, err error) {
	start := time.Now()
	defer func() {
		requestDuration.WithLabelValues("check", "any").Observe(time.Since(start).Seconds())
	}()
	resp, _, err = s.cmd.Execute(ctx, req)
	if err != nil {
		return nil, err
	}
	return resp, nil
}

// checkCached returns a cached answer before the work, with no context
// call in between: nothing measured.
func (s *Server) checkCached(ctx context.Context, req *Request, cache map[string]*Response) (*Response, error) {
	start := time.Now()
	if r, ok := cache[req.ID]; ok {
		return r, nil
	}
	resp, _, err := s.cmd.Execute(ctx, req)
	requestDuration.WithLabelValues("check", "cold").Observe(time.Since(start).Seconds())
	return resp, err
}

type lister struct{}

func (lister) List(ctx context.Context) ([]string, error) { return nil, nil }

func (lister) Cached() []string { return nil }

// list observes a histogram whose name is not constant: the finding names
// its variable.
func list(ctx context.Context, l lister, cached bool) ([]string, error) {
	start := time.Now()
	if cached {
		return l.Cached(), nil // no context: not the work
	}
	items, err := l.List(ctx)
	if len(items) == 0 {
		return items, err // want `list returns here after \(paths.lister\).List without recording unnamed, which its other paths observe`
	}
	unnamed.Observe(time.Since(start).Seconds())
	return items, err
}

var bypassed = promauto.NewCounter(prometheus.CounterOpts{Name: "shared_bypassed_total"})

// shared counts the requests it does not share under a metric of its own
// (openfga's shared iterator): that path is accounted for.
func shared(ctx context.Context, l lister, full bool) ([]string, error) {
	start := time.Now()
	if full {
		bypassed.Inc()
		return l.List(ctx)
	}
	items, err := l.List(ctx)
	unnamed.Observe(time.Since(start).Seconds())
	return items, err
}
