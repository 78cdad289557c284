// Command server serves requests: the clients of the packages it imports
// wait on behalf of them.
package main

import (
	"net/http"
	"os"
	"time"

	_ "example.com/cliprogram/mailer"
	"example.com/cliprogram/notify"
	"example.com/cliprogram/shared"
	"example.com/cliprogram/validatecmd"
	"example.com/cliprogram/webapp"
)

func hook(w http.ResponseWriter, r *http.Request) {
	_ = notify.Send("https://hooks.example.com", nil)
	resp, err := shared.Fetch("https://example.com")
	if err == nil {
		_ = resp.Body.Close()
	}
}

// webCommand starts the web app: main refers to webapp only from a
// command's body, and webapp, which serves, still reaches avatars.
type webCommand struct{}

func (webCommand) Execute(args []string) error { return new(webapp.ServeCommand).Execute(args) }

func main() {
	if len(os.Args) > 2 && os.Args[1] == "validate" {
		_ = new(validatecmd.ValidateCommand).Execute(os.Args[2:])
		return
	}
	if len(os.Args) > 1 && os.Args[1] == "web" {
		_ = webCommand{}.Execute(nil)
		return
	}
	mux := http.NewServeMux()
	mux.HandleFunc("/hook", hook)
	srv := &http.Server{Addr: ":8080", Handler: mux, ReadHeaderTimeout: time.Second, ReadTimeout: 10 * time.Second, WriteTimeout: 10 * time.Second}
	_ = srv.ListenAndServe()
}
