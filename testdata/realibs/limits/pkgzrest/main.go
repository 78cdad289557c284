// Command pkgzrest bounds every body with go-pkgz/rest's SizeLimit
// middleware on its router (tg-spam's webapi): the reads of its handlers
// are bounded. nethttp is the twin with no limit.
package main

import (
	"encoding/json"
	"net/http"

	"github.com/go-pkgz/rest"
)

func check(w http.ResponseWriter, r *http.Request) {
	var req struct{ Msg string }
	_ = json.NewDecoder(r.Body).Decode(&req)
	_, _ = w.Write([]byte(req.Msg))
}

func main() {
	mux := http.NewServeMux()
	mux.HandleFunc("POST /check", check)
	srv := &http.Server{Addr: ":8080", Handler: rest.SizeLimit(1 << 20)(mux), ReadHeaderTimeout: 5e9}
	_ = srv.ListenAndServe()
}
