// Command rwprobemethod is dnote's e-mail template preview: the default mux
// serves method values of a context struct that ignore their requests
// (each renders one template with sample data). Not reported.
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

func main() {
	ctx := Context{Tmpl: template.New("mail")}
	http.HandleFunc("/welcome", ctx.welcomeHandler)
	_ = http.ListenAndServe(":2300", nil)
}
