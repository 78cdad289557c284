// Package profiler starts the operator's profiler on the default mux
// (dendrite's SetupPprof). No package of its program registers a handler
// of its own there: the program decides that it serves only what
// net/http/pprof registers, and drops the finding.
package profiler // want package:`holds default-mux servers profiler.go:\d+:\d+`

import (
	"log"
	"net/http"
)

func Start(addr string) {
	go func() {
		log.Println(http.ListenAndServe(addr, nil))
	}()
}
