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
