// Command cmd serves api and admin through runner, called through a
// function value: the call that starts the server is not seen (as when a
// main does not type-check), so the program's five unlimited reads are
// reported once, at the first read, the others related.
package main

import (
	"log"
	"net/http"

	"example.com/realibs/limits/splitnostart/admin"
	"example.com/realibs/limits/splitnostart/api"
	"example.com/realibs/limits/splitnostart/runner"
)

var run = runner.Run

func main() {
	mux := http.NewServeMux()
	api.Routes(mux)
	admin.Routes(mux)
	log.Fatal(run(mux))
}
