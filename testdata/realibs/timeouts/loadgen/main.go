// Command loadgen is a standalone tool beside the service (ntfy's
// tools/loadgen): it imports no package of its module and serves nothing,
// so its clients are not reported.
package main

import "net/http"

func main() {
	resp, err := http.Get("https://staging.example/topic/json")
	if err == nil {
		_ = resp.Body.Close()
	}
}
