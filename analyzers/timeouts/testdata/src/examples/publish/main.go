// Command publish is an example program shipped with a service (under
// examples/): documentation for its users, not reported on. Its twin,
// tools/publish, is the same program as one of the service's commands.
package main

import (
	"net/http"
	"strings"
)

func main() {
	_, _ = http.Post("https://ntfy.example/topic", "text/plain", strings.NewReader("hi"))
}
