// Command agentmain is loadgen's twin: it uses the module's own store, so
// it is part of the service, and its client is reported.
package main

import (
	"net/http"

	"example.com/realibs/timeouts/store"
)

func main() {
	_ = store.Key(1)
	resp, err := http.Get("https://staging.example/topic/json") // want `^http.Get sends the request through http.DefaultClient, which has no timeout`
	if err == nil {
		_ = resp.Body.Close()
	}
}
