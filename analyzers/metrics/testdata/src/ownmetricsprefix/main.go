// want package:`metrics\(\)`

// Command ownmetricsprefix measures its requests with httpmetricsx (ory
// kratos with ory/x's prometheusx): the names are computed, the labels say
// the histogram breaks latencies down by request, and under the embedded
// default plan the server is not reported (ownmetricsjobs is).
package main

import (
	"net/http"

	"httpmetricsx"
)

var metrics = httpmetricsx.New("app_")

func main() {
	mux := http.NewServeMux()
	mux.HandleFunc("/", func(w http.ResponseWriter, r *http.Request) {})
	_ = http.ListenAndServe(":8080", mux)
}
