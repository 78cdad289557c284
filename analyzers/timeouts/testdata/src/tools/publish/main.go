// Command publish is examples/publish as one of the service's own
// commands (it imports the service's packages): reported. A main that
// imports only the standard library and serves nothing is a standalone
// tool (loadgen), not reported.
package main

import (
	"net/http"
	"strings"

	"example.com/svc/config"
)

func main() {
	_, _ = http.Post(config.TopicURL, "text/plain", strings.NewReader("hi")) // want `http.Post sends the request through http.DefaultClient, which has no timeout`
}
