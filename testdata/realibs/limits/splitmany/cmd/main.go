// Command cmd serves api through runner: the program's unlimited reads are
// reported once, at the call that starts the server.
package main

import (
	"log"
	"net/http"

	"example.com/realibs/limits/splitmany/api"
	"example.com/realibs/limits/splitmany/runner"
)

func main() {
	mux := http.NewServeMux()
	api.Routes(mux)
	log.Fatal(runner.Run(mux)) // want `4 request bodies are read whole with no limit in the program this serves`
}
