// Command beegoapp serves with beego, whose router bounds every request
// body before a filter or controller reads it (MaxMemory, 64MB by
// default; MaxUploadSize, 1GB, for uploads): reads of a beego context's
// request are bounded. Its twin, a plain net/http handler of the same
// program, reads with no limit. The program sets MaxMemory above the
// plan's max_body_size, which TestRealLibraries' plan writes: reported at
// the value.
package main

import (
	"encoding/json"
	"io"
	"net/http"
	"time"

	"github.com/beego/beego/v2/server/web"
	"github.com/beego/beego/v2/server/web/context"
)

type UserController struct{ web.Controller }

// Post reads the body beego has already bounded.
func (c *UserController) Post() {
	body, _ := io.ReadAll(c.Ctx.Request.Body)
	_, _, _ = c.Ctx.Request.FormFile("avatar")
	c.Ctx.Output.Body(body)
}

// audit is a beego filter: the body is bounded there too.
func audit(ctx *context.Context) {
	var v map[string]any
	_ = json.NewDecoder(ctx.Request.Body).Decode(&v)
}

// webhook is served by a plain net/http server beside beego: nothing bounds
// its body.
func webhook(w http.ResponseWriter, r *http.Request) {
	body, _ := io.ReadAll(r.Body) // want `io.ReadAll reads the request body whole with no limit`
	_, _ = w.Write(body)
}

func main() {
	web.BConfig.MaxMemory = 64 << 20 // want `beego's MaxMemory of 64MB bounds every request body beego serves above the plan's max_body_size \(10MB\); set it to at most 10485760`
	web.BConfig.CopyRequestBody = true
	web.Router("/users", &UserController{})
	web.InsertFilter("/*", web.BeforeRouter, audit)
	go func() {
		srv := &http.Server{Addr: ":8081", Handler: http.HandlerFunc(webhook), ReadHeaderTimeout: time.Second}
		_ = srv.ListenAndServe()
	}()
	web.Run(":8080")
}
