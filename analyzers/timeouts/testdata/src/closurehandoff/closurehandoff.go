// Package closurehandoff returns a reporter closure that captures its
// client and hands it to a helper of the package (spicedb's telemetry
// reporter): the helper may set what the client needs, as when the
// function hands it over itself. The twin's closure sends through the
// client itself, with no context.
package closurehandoff

import (
	"context"
	"net"
	"net/http"
	"time"
)

type Reporter func(ctx context.Context) error

func write(ctx context.Context, client *http.Client, endpoint string) error {
	r, err := http.NewRequestWithContext(ctx, http.MethodPost, endpoint, nil)
	if err != nil {
		return err
	}
	resp, err := client.Do(r)
	if err != nil {
		return err
	}
	return resp.Body.Close()
}

func RemoteReporter(endpoint string, custom bool) Reporter {
	client := &http.Client{}
	if custom {
		client.Transport = &http.Transport{}
	}
	return func(ctx context.Context) error {
		ticker := time.After(time.Second)
		for {
			select {
			case <-ticker:
				_ = write(ctx, client, endpoint)
				ticker = time.After(time.Minute)
			case <-ctx.Done():
				client.CloseIdleConnections()
				return nil
			}
		}
	}
}

func PollingReporter(endpoint string) Reporter {
	client := &http.Client{} // want `http.Client has no Timeout`
	return func(ctx context.Context) error {
		resp, err := client.Get(endpoint)
		if err != nil {
			return err
		}
		return resp.Body.Close()
	}
}

// Serving a server from a literal that captures it hands it to no one.
func serve(l net.Listener, h http.Handler) error {
	s := &http.Server{Handler: h} // want `http.Server has no ReadHeaderTimeout or ReadTimeout`
	done := make(chan error, 1)
	go func() {
		done <- s.Serve(l)
	}()
	return <-done
}
