// Command cmd is a kong program: its default subcommand serves requests,
// and its admin subcommand is admincli's.
package main

import (
	"net/http"
	"time"

	"github.com/alecthomas/kong"

	"kongprogram/admincli"
	"kongprogram/notify"
)

type serveCmd struct{ Addr string }

func (c *serveCmd) Run() error {
	mux := http.NewServeMux()
	mux.HandleFunc("/hook", hook)
	srv := &http.Server{Addr: c.Addr, Handler: mux, ReadHeaderTimeout: time.Second, ReadTimeout: 10 * time.Second, WriteTimeout: 10 * time.Second}
	return srv.ListenAndServe()
}

func hook(w http.ResponseWriter, r *http.Request) {
	_ = notify.Send("https://hooks.example.com")
}

type app struct {
	Serve serveCmd     `cmd:"" default:"1" help:"Serve requests"`
	Admin admincli.CLI `cmd:"" help:"Administer the server"`
}

func main() {
	ctx := kong.Parse(&app{})
	_ = ctx.Run()
}
