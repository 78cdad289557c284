package budget

import (
	"context"
	"net/http"
	"time"

	"golang.org/x/sync/errgroup"
)

type Aggregator struct{ Client *http.Client }

func (a *Aggregator) Routes(mux *http.ServeMux) {
	mux.HandleFunc("GET /dashboard", a.sequential)            // want `route "GET /dashboard" spends an estimated ~400ms in outbound calls, above budget.external 100ms`
	mux.HandleFunc("GET /dashboard/concurrent", a.concurrent) // the slowest of four concurrent calls: ~100ms
	mux.HandleFunc("GET /dashboard/retry", a.withRetry)       // want `route "GET /dashboard/retry" spends an estimated ~300ms in outbound calls`
}

func (a *Aggregator) call(ctx context.Context, url string) error {
	req, err := http.NewRequestWithContext(ctx, http.MethodGet, url, nil)
	if err != nil {
		return err
	}
	resp, err := a.Client.Do(req)
	if err != nil {
		return err
	}
	return resp.Body.Close()
}

var panels = [4]string{"http://users", "http://orders", "http://stock", "http://ads"}

func (a *Aggregator) sequential(w http.ResponseWriter, r *http.Request) {
	for _, u := range panels {
		_ = a.call(r.Context(), u)
	}
}

func (a *Aggregator) concurrent(w http.ResponseWriter, r *http.Request) {
	g, ctx := errgroup.WithContext(r.Context())
	for _, u := range panels {
		g.Go(func() error { return a.call(ctx, u) })
	}
	_ = g.Wait()
}

// withRetry tries up to three times: a constant bound, counted.
func (a *Aggregator) withRetry(w http.ResponseWriter, r *http.Request) {
	for attempt := 0; attempt < 3; attempt++ {
		if err := a.call(r.Context(), "http://flaky"); err == nil {
			return
		}
		time.Sleep(10 * time.Millisecond)
	}
}
