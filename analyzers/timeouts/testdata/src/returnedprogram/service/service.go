// Package service serves the panel and probes its nodes with its
// caller's context.
package service

import (
	"context"
	"net/http"

	"returnedprogram/nodes"
)

func Handler() http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if err := probe(r.Context(), "https://node.example/status"); err != nil {
			http.Error(w, err.Error(), http.StatusBadGateway)
		}
		if err := nodes.ValidateLicense(r.URL.Query().Get("key")); err != nil {
			http.Error(w, err.Error(), http.StatusForbidden)
		}
	})
}

func probe(ctx context.Context, url string) error {
	req, err := http.NewRequestWithContext(ctx, http.MethodGet, url, nil)
	if err != nil {
		return err
	}
	resp, err := nodes.ClientFor(false).Do(req)
	if err != nil {
		return err
	}
	return resp.Body.Close()
}

// CheckUpdate is called by the program's main: its client is reported.
func CheckUpdate() error {
	client := &http.Client{} // want `http.Client has no Timeout`
	req, err := http.NewRequest(http.MethodGet, "https://updates.example/latest", nil)
	if err != nil {
		return err
	}
	resp, err := client.Do(req)
	if err != nil {
		return err
	}
	return resp.Body.Close()
}

// FetchBanner is its twin that no package of the program calls.
func FetchBanner() error {
	client := &http.Client{}
	req, err := http.NewRequest(http.MethodGet, "https://updates.example/banner", nil)
	if err != nil {
		return err
	}
	resp, err := client.Do(req)
	if err != nil {
		return err
	}
	return resp.Body.Close()
}
