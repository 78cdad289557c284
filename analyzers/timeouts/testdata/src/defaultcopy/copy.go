// Package defaultcopy copies the default client into one of its own before
// using it (casdoor's notification client).
package defaultcopy

import (
	"net/http"
	"time"
)

var Shared *http.Client

// notificationClient copies the shared client, or the default one, and
// sets a timeout on the copy when it has none: not reported.
func notificationClient() *http.Client {
	httpClient := Shared
	if httpClient == nil {
		httpClient = http.DefaultClient
	}
	client := *httpClient
	if client.Timeout == 0 {
		client.Timeout = 10 * time.Second
	}
	return &client
}

// redirectClient copies the default client but only changes its redirect
// policy: the copy has no timeout either.
func redirectClient() *http.Client {
	client := *http.DefaultClient // want `http.DefaultClient has no timeout`
	client.CheckRedirect = func(*http.Request, []*http.Request) error { return http.ErrUseLastResponse }
	return &client
}

// zeroClient copies it and sets a zero timeout: reported.
func zeroClient() *http.Client {
	client := *http.DefaultClient // want `http.DefaultClient has no timeout`
	client.Timeout = 0
	return &client
}

// workerClient sets a timeout on the default client itself (vela's
// getWorkerExecutors): the shared client has one from then on.
func workerClient(req *http.Request) error {
	client := http.DefaultClient
	client.Timeout = 30 * time.Second
	resp, err := client.Do(req)
	if err != nil {
		return err
	}
	return resp.Body.Close()
}

// untimedWorkerClient only names it: reported.
func untimedWorkerClient(req *http.Request) error {
	client := http.DefaultClient // want `http.DefaultClient has no timeout`
	client.CheckRedirect = func(*http.Request, []*http.Request) error { return http.ErrUseLastResponse }
	resp, err := client.Do(req)
	if err != nil {
		return err
	}
	return resp.Body.Close()
}

func Send(req *http.Request) error {
	_ = workerClient(req)
	_ = untimedWorkerClient(req)
	for _, c := range []*http.Client{notificationClient(), redirectClient(), zeroClient()} {
		resp, err := c.Do(req)
		if err != nil {
			return err
		}
		_ = resp.Body.Close()
	}
	return nil
}
