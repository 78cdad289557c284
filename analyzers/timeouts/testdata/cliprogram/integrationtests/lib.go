// Package integrationtests starts the server and drives it through its
// API client: a suite of tests, which the run's packages do not import.
// Its helpers serve, and a program that served would report its
// clients; test code decides on none.
package integrationtests

import (
	"net/http"
	"net/http/httptest"

	"example.com/cliprogram/boardclient"
)

// TestServer is the server under test with a client of its API.
type TestServer struct {
	Server *httptest.Server
	Client *boardclient.Client
}

// Start serves the API on a local listener.
func Start() *TestServer {
	mux := http.NewServeMux()
	mux.HandleFunc("/api/v2/boards", func(w http.ResponseWriter, r *http.Request) {})
	return &TestServer{Server: httptest.NewServer(mux), Client: boardclient.New()}
}
