// Command server serves requests: the clients of the packages it imports
// wait on behalf of them.
package main

import (
	"net/http"
	"time"

	"example.com/cliprogram/notify"
	"example.com/cliprogram/shared"
)

func hook(w http.ResponseWriter, r *http.Request) {
	_ = notify.Send("https://hooks.example.com", nil)
	resp, err := shared.Fetch("https://example.com")
	if err == nil {
		_ = resp.Body.Close()
	}
}

func main() {
	mux := http.NewServeMux()
	mux.HandleFunc("/hook", hook)
	srv := &http.Server{Addr: ":8080", Handler: mux, ReadHeaderTimeout: time.Second, ReadTimeout: 10 * time.Second, WriteTimeout: 10 * time.Second}
	_ = srv.ListenAndServe()
}
