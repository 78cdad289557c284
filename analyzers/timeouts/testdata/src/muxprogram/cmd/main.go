// Command cmd serves its users on a server of its own and the profiler,
// when asked, on the default mux, which only net/http/pprof fills.
package main

import (
	"flag"
	"net/http"
	_ "net/http/pprof"
	"time"

	"muxprogram/profiler"
)

func main() {
	pprof := flag.String("pprof", "", "profiler address")
	flag.Parse()
	if *pprof != "" {
		profiler.Start(*pprof)
	}
	srv := &http.Server{Addr: ":8080", Handler: http.NotFoundHandler(), ReadHeaderTimeout: 5 * time.Second}
	_ = srv.ListenAndServe()
}
