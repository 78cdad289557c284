// Command beegodefault is beegoapp's twin for the config: it leaves
// beego's MaxMemory at its default (64MB), above the plan's max_body_size
// that TestRealLibraries' plan writes: reported once, at the Run.
package main

import (
	"io"
	"net/http"
	"time"

	"github.com/beego/beego/v2/server/web"
)

type EntryController struct{ web.Controller }

func (c *EntryController) Post() {
	body, _ := io.ReadAll(c.Ctx.Request.Body)
	c.Ctx.Output.Body(body)
}

func main() {
	web.Router("/entries", &EntryController{})
	srv := &http.Server{Addr: ":8081", ReadHeaderTimeout: time.Second}
	go func() { _ = srv.ListenAndServe() }()
	web.Run(":8080") // want `beego's default MaxMemory of 64MB bounds every request body beego serves above the plan's max_body_size \(10MB\)`
}
