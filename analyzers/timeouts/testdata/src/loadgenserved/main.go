// Command loadgenserved is loadgen's twin: it also serves requests, so
// its client may be on a request path, and it is reported.
package main

import (
	"fmt"
	"net/http"
	"time"
)

func subscribe(url string) {
	req, _ := http.NewRequest(http.MethodGet, url, nil)
	resp, err := http.DefaultClient.Do(req) // want `http.DefaultClient.Do has no timeout`
	if err != nil {
		fmt.Println(err)
		return
	}
	_ = resp.Body.Close()
}

func main() {
	http.HandleFunc("/go", func(w http.ResponseWriter, r *http.Request) { subscribe("http://localhost:8080/topic/json") })
	srv := &http.Server{Addr: ":8081", ReadHeaderTimeout: time.Second}
	_ = srv.ListenAndServe()
}
