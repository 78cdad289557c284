// want package:`heldstarts\(heldsrv.go\)`

// Package heldsrv starts a second server of the programs that import it
// (stash's DLNA server): its program is theirs, and they report its
// missing metrics once, with this start related.
package heldsrv

import (
	"net/http"
	"time"
)

func StartDLNA(addr string) error {
	mux := http.NewServeMux()
	mux.HandleFunc("/description.xml", func(w http.ResponseWriter, r *http.Request) {})
	srv := &http.Server{Addr: addr, Handler: mux, ReadHeaderTimeout: time.Second}
	return srv.ListenAndServe()
}
