// The smallest program a new user tries: func main is not a command, its
// request stays reported.
package main

import "net/http"

func main() {
	resp, err := http.Get("https://example.com") // want `^http.Get sends the request through http.DefaultClient`
	if err == nil {
		_ = resp.Body.Close()
	}
}
