// Command previewsrvtwin serves method values too, but one reads its
// request: a server of users, reported.
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

func (c Context) searchHandler(w http.ResponseWriter, r *http.Request) {
	_ = c.Tmpl.ExecuteTemplate(w, "results", r.URL.Query().Get("q"))
}

func main() {
	ctx := Context{Tmpl: template.New("mail")}
	http.HandleFunc("/welcome", ctx.welcomeHandler)
	http.HandleFunc("/search", ctx.searchHandler)
	_ = http.ListenAndServe(":2300", nil) // want `the program served here does not define http_request_duration_seconds`
}
