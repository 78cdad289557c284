// Command publish is examples/publish as one of the service's own
// commands: reported.
package main

import (
	"net/http"
	"strings"
)

func main() {
	_, _ = http.Post("https://ntfy.example/topic", "text/plain", strings.NewReader("hi")) // want `http.Post sends the request through http.DefaultClient, which has no timeout`
}
