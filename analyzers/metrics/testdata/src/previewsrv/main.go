// Command previewsrv is dnote's e-mail template preview: the default mux
// serves method values of a context struct, each rendering one template
// with sample data whatever the request. A developer's page, not a server
// of users: not reported.
package main

import (
	"net/http"
	"text/template"
)

type Context struct {
	Tmpl *template.Template
}

func (c Context) welcomeHandler(w http.ResponseWriter, r *http.Request) {
	_ = c.Tmpl.ExecuteTemplate(w, "welcome", map[string]string{"Name": "alice"})
}

func (c Context) resetHandler(w http.ResponseWriter, r *http.Request) {
	_ = c.Tmpl.ExecuteTemplate(w, "reset", map[string]string{"Token": "testToken"})
}

func main() {
	ctx := Context{Tmpl: template.New("mail")}
	http.HandleFunc("/welcome", ctx.welcomeHandler)
	http.HandleFunc("/reset", ctx.resetHandler)
	_ = http.ListenAndServe(":2300", nil)
}
