// Command goargcmd parses its arguments with go-arg (dozzle): its
// healthcheck subcommand, a field tagged arg:"subcommand:healthcheck",
// probes the server once for Docker's HEALTHCHECK and exits, so the
// methods of its type are command code and its http.Get is the
// operator's to interrupt: not reported. The server's own outbound call,
// made per request, is reported.
package main

import (
	"net/http"
	"time"

	"github.com/alexflint/go-arg"
)

type HealthcheckCmd struct{ URL string }

func (h *HealthcheckCmd) Run() error {
	resp, err := http.Get(h.URL)
	if err != nil {
		return err
	}
	return resp.Body.Close()
}

type args struct {
	Addr        string          `arg:"env:ADDR" default:":8080"`
	Healthcheck *HealthcheckCmd `arg:"subcommand:healthcheck" help:"checks if the server is running"`
}

func avatar(w http.ResponseWriter, r *http.Request) {
	resp, err := http.Get("https://gravatar.example.com/avatar") // want `http.Get sends the request through http.DefaultClient, which has no timeout`
	if err != nil {
		http.Error(w, err.Error(), http.StatusBadGateway)
		return
	}
	_ = resp.Body.Close()
}

func main() {
	var a args
	arg.MustParse(&a)
	if a.Healthcheck != nil {
		if err := a.Healthcheck.Run(); err != nil {
			panic(err)
		}
		return
	}
	mux := http.NewServeMux()
	mux.HandleFunc("/avatar", avatar)
	srv := &http.Server{Addr: a.Addr, Handler: mux, ReadHeaderTimeout: time.Second}
	_ = srv.ListenAndServe()
}
