package timeouts

import (
	"context"
	"net/http"
	"time"

	"github.com/labstack/echo/v4"
)

// ---- the plan's request_timeout (30s) on clients, servers and contexts ----

const tooLong = 2 * time.Minute

var slowClient = &http.Client{Timeout: tooLong} // want `http.Client Timeout of 2m0s is longer than the plan's request_timeout \(30s\); a stuck peer holds a goroutine and a connection that long; lower it to at most 30s`

var planClient = &http.Client{Timeout: 30 * time.Second}

func slowServer(h http.Handler) *http.Server {
	return &http.Server{
		Handler:           h,
		ReadHeaderTimeout: 45 * time.Second, // want `http.Server ReadHeaderTimeout of 45s is longer than the plan's request_timeout \(30s\)`
		ReadTimeout:       time.Minute,      // want `http.Server ReadTimeout of 1m0s is longer than the plan's request_timeout \(30s\)`
		WriteTimeout:      10 * time.Minute, // want `http.Server WriteTimeout of 10m0s is longer than the plan's request_timeout \(30s\)`
		IdleTimeout:       5 * time.Minute,  // keep-alive idle time is not a request bound
	}
}

func planServer(h http.Handler) *http.Server {
	return &http.Server{
		Handler:           h,
		ReadHeaderTimeout: 5 * time.Second,
		ReadTimeout:       10 * time.Second,
		WriteTimeout:      30 * time.Second,
		IdleTimeout:       5 * time.Minute,
	}
}

func slowFieldsLater(c *http.Client, s *http.Server) {
	c.Timeout = 45 * time.Second      // want `http.Client Timeout of 45s is longer than the plan's request_timeout`
	s.WriteTimeout = 31 * time.Second // want `http.Server WriteTimeout of 31s is longer than the plan's request_timeout`
	s.ReadTimeout = time.Hour         // want `http.Server ReadTimeout of 1h0m0s is longer than the plan's request_timeout`
}

func planFieldsLater(c *http.Client, s *http.Server) {
	c.Timeout = 29 * time.Second
	s.WriteTimeout = 30 * time.Second
	s.ReadTimeout = 10 * time.Second
}

func slowEcho() error {
	e := echo.New()
	e.Server.ReadTimeout = 10 * time.Second
	e.Server.WriteTimeout = 2 * time.Minute // want `http.Server WriteTimeout of 2m0s is longer than the plan's request_timeout`
	return e.Start(":8080")
}

func planEcho() error {
	e := echo.New()
	e.Server.ReadTimeout = 10 * time.Second
	e.Server.WriteTimeout = 30 * time.Second
	return e.Start(":8080")
}

// slowContexts is a request handler: its deadlines are held to the plan.
func slowContexts(w http.ResponseWriter, r *http.Request) {
	ctx := r.Context()
	c1, cancel1 := context.WithTimeout(ctx, time.Hour) // want `context deadline of 1h0m0s is longer than the plan's request_timeout \(30s\); work under it holds a goroutine and its connections that long; lower it to at most 30s`
	defer cancel1()
	c2, cancel2 := context.WithDeadline(ctx, time.Now().Add(90*time.Second)) // want `context deadline of 1m30s is longer than the plan's request_timeout \(30s\)`
	defer cancel2()
	req, _ := http.NewRequestWithContext(c1, http.MethodGet, "https://example.com", nil)
	_, _ = planClient.Do(req.WithContext(c2))
}

func planContexts(ctx context.Context) {
	c1, cancel1 := context.WithTimeout(ctx, 30*time.Second)
	defer cancel1()
	c2, cancel2 := context.WithDeadline(ctx, time.Now().Add(15*time.Second))
	defer cancel2()
	req, _ := http.NewRequestWithContext(c1, http.MethodGet, "https://example.com", nil)
	_, _ = planClient.Do(req.WithContext(c2))
}
