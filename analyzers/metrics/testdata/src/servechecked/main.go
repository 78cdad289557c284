// Command servechecked runs servelib's App, whose Run servelib checks
// (ntfy's cmd/serve.go calls server.Run): the program is reported there,
// once, and not at app.Run() here. A server of this program's own is
// reported here.
package main

import (
	"net/http"

	"servelib"
)

func main() {
	app := &servelib.App{HTTP: &http.Server{Addr: ":8080"}}
	_ = app.Run()                          // checked in servelib
	_ = servelib.Serve(http.NewServeMux()) // want `the program served here does not define http_request_duration_seconds`
}
