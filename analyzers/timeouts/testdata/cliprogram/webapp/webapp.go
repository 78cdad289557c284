// Package webapp serves requests; the server's program starts it from a
// command's body (ServeCommand), as cobra's serve commands do.
package webapp

import (
	"net/http"
	"time"

	"example.com/cliprogram/avatars"
)

func avatar(w http.ResponseWriter, r *http.Request) {
	_ = avatars.Fetch("https://example.com/a.png")
}

// ServeCommand serves the web app (a go-flags command).
type ServeCommand struct{}

// Execute runs the command.
func (*ServeCommand) Execute(args []string) error {
	mux := http.NewServeMux()
	mux.HandleFunc("/avatar", avatar)
	srv := &http.Server{Addr: ":8081", Handler: mux, ReadHeaderTimeout: time.Second, ReadTimeout: 10 * time.Second, WriteTimeout: 10 * time.Second}
	return srv.ListenAndServe()
}
