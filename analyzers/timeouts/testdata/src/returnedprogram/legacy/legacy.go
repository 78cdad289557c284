// Package legacy sends LegacyClient's client a request with no context.
package legacy

import (
	"net/http"

	"returnedprogram/nodes"
)

func Handler() http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		req, err := http.NewRequest(http.MethodGet, "https://node.example/legacy", nil)
		if err != nil {
			return
		}
		resp, err := nodes.LegacyClient().Do(req)
		if err != nil {
			return
		}
		_ = resp.Body.Close()
	})
}
