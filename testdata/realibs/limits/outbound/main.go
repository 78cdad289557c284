// Command outbound serves one handler whose helper, in a package that
// declares handlers, reads the client's body with no limit (reported), and
// signs the requests it sends through package sign (not reported).
package main

import (
	"bytes"
	"encoding/json"
	"net/http"
	"time"

	"example.com/realibs/limits/outbound/sign"
)

func decode(r *http.Request, v any) error {
	return json.NewDecoder(r.Body).Decode(v) // want `json.NewDecoder reads the request body whole with no limit`
}

func forward(w http.ResponseWriter, r *http.Request) {
	var in map[string]any
	if err := decode(r, &in); err != nil {
		http.Error(w, err.Error(), http.StatusBadRequest)
		return
	}
	out, _ := json.Marshal(in)
	req, _ := http.NewRequestWithContext(r.Context(), http.MethodPost, "https://example.com/hook", bytes.NewReader(out))
	_ = sign.Sign(req, []byte("k"))
}

func main() {
	srv := &http.Server{Addr: ":8080", Handler: http.HandlerFunc(forward), ReadHeaderTimeout: time.Second}
	_ = srv.ListenAndServe()
}
