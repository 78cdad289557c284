// Package profiler is the twin: the same listener, in a program whose api
// package registers its users' handler on the default mux. The program
// reports it, here.
package profiler // want package:`holds default-mux servers profiler.go:\d+:\d+`

import (
	"log"
	"net/http"
)

func Start(addr string) {
	go func() {
		log.Println(http.ListenAndServe(addr, nil)) // want `http.ListenAndServe serves with no read or write timeouts`
	}()
}
