// Package probe calls other services, each call on a transport of its
// own. Ready runs only as the program starts (scrutiny's InfluxDB set-up
// check, from a constructor its server's set-up calls): one handshake per
// process, not reported. Its twins run per request (Health, from a
// handler) and per tick of a loop in main (Ping): reported.
package probe

import (
	"context"
	"net/http"
	"time"
)

func get(ctx context.Context, client *http.Client, url string) error {
	req, err := http.NewRequestWithContext(ctx, http.MethodGet, url, nil)
	if err != nil {
		return err
	}
	resp, err := client.Do(req)
	if err != nil {
		return err
	}
	return resp.Body.Close()
}

// Ready checks that the database is set up.
func Ready(ctx context.Context, url string) error {
	client := &http.Client{Timeout: 5 * time.Second, Transport: &http.Transport{}}
	return get(ctx, client, url)
}

// Health checks the database for a request.
func Health(ctx context.Context, url string) error {
	client := &http.Client{Timeout: 5 * time.Second, Transport: &http.Transport{}} // want `probe.Health builds a new http.Transport on every call`
	return get(ctx, client, url)
}

// Ping checks the database for a periodic report.
func Ping(ctx context.Context, url string) error {
	client := &http.Client{Timeout: 5 * time.Second, Transport: &http.Transport{}} // want `probe.Ping builds a new http.Transport on every call`
	return get(ctx, client, url)
}
