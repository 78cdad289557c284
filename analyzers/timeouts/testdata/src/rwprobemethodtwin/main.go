// Command rwprobemethodtwin serves a method value that reads its request:
// reported.
package main

import (
	"net/http"
	"text/template"
)

type Context struct {
	Tmpl *template.Template
}

func (c Context) searchHandler(w http.ResponseWriter, r *http.Request) {
	_ = c.Tmpl.ExecuteTemplate(w, "results", r.URL.Query().Get("q"))
}

func main() {
	ctx := Context{Tmpl: template.New("mail")}
	http.HandleFunc("/search", ctx.searchHandler)
	_ = http.ListenAndServe(":2300", nil) // want `http.ListenAndServe serves with no read or write timeouts`
}
