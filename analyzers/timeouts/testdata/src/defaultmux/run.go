// Package defaultmux serves the default mux, filled by another package of
// the program: without the pprof import it may hold anything.
package defaultmux

import "net/http"

func Run() error {
	return http.ListenAndServe(":6060", nil) // want `http.ListenAndServe serves with no read or write timeouts`
}
