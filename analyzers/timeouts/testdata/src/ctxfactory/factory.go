// Package ctxfactory is a CLI's connection factory (headscale's
// newHeadscaleCLIWithConfig): it builds the API client and returns it
// with a context bounded by the CLI's timeout, under which its commands
// send every request. Not reported; the twin that returns a context with
// no deadline is.
package ctxfactory

import (
	"context"
	"net"
	"net/http"
	"time"

	"ctxfactory/sdk"
)

func newSocketClient(socket string) (*sdk.Client, error) {
	hc := &http.Client{Transport: &http.Transport{
		DialContext: func(ctx context.Context, _, _ string) (net.Conn, error) {
			var d net.Dialer
			return d.DialContext(ctx, "unix", socket)
		},
	}}
	return sdk.NewClient("http://local", sdk.WithHTTPClient(hc))
}

func newCLI(socket string, timeout time.Duration) (context.Context, *sdk.Client, context.CancelFunc, error) {
	ctx, cancel := context.WithTimeout(context.Background(), timeout)
	client, err := newSocketClient(socket)
	if err != nil {
		cancel()
		return nil, nil, nil, err
	}
	return ctx, client, cancel, nil
}

func newRemoteCLI(addr string, timeout time.Duration) (context.Context, *sdk.Client, context.CancelFunc, error) {
	ctx, cancel := context.WithTimeout(context.Background(), timeout)
	client, err := sdk.NewClient("https://"+addr, sdk.WithHTTPClient(&http.Client{}))
	return ctx, client, cancel, err
}

// newWatcher returns its client with a context that only a cancel ends.
func newWatcher(addr string) (context.Context, *sdk.Client, context.CancelFunc, error) {
	ctx, cancel := context.WithCancel(context.Background())
	client, err := sdk.NewClient("https://"+addr, sdk.WithHTTPClient(&http.Client{})) // want `http.Client has no Timeout`
	return ctx, client, cancel, err
}

func ListNodes(socket, addr string) error {
	for _, f := range []func() (context.Context, *sdk.Client, context.CancelFunc, error){
		func() (context.Context, *sdk.Client, context.CancelFunc, error) { return newCLI(socket, 5*time.Second) },
		func() (context.Context, *sdk.Client, context.CancelFunc, error) {
			return newRemoteCLI(addr, 5*time.Second)
		},
		func() (context.Context, *sdk.Client, context.CancelFunc, error) { return newWatcher(addr) },
	} {
		ctx, client, cancel, err := f()
		if err != nil {
			return err
		}
		resp, err := client.ListNodes(ctx)
		cancel()
		if err != nil {
			return err
		}
		_ = resp.Body.Close()
	}
	return nil
}
