// Command loadgen is a load generator run from a terminal (ntfy's
// tools/loadgen): a main package that imports only the standard library
// and starts no server. Its clients are not reported; its twin,
// loadgenserved, also serves, and is.
package main

import (
	"fmt"
	"net/http"
)

func subscribe(url string) {
	req, _ := http.NewRequest(http.MethodGet, url, nil)
	resp, err := http.DefaultClient.Do(req)
	if err != nil {
		fmt.Println(err)
		return
	}
	_ = resp.Body.Close()
}

func main() {
	for range 100 {
		go subscribe("http://localhost:8080/topic/json")
	}
}
