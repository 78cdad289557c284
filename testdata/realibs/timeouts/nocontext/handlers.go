// Package nocontext calls a library of another module from its handlers.
// The library's Inspector takes no context anywhere, so the program has
// none to pass: not reported. Its Store.Get has GetContext beside it:
// reported, the request's context goes to GetContext.
package nocontext

import (
	"database/sql"
	"net/http"

	"example.com/nocontextlib"
)

var db *sql.DB

func deleteTask(w http.ResponseWriter, r *http.Request) {
	insp := nocontextlib.NewInspector(db)
	if err := insp.DeleteTask(r.URL.Query().Get("id")); err != nil {
		http.Error(w, err.Error(), http.StatusInternalServerError)
	}
}

func getValue(w http.ResponseWriter, r *http.Request) {
	s := nocontextlib.NewStore(db)
	v, err := s.Get(r.URL.Query().Get("key")) // want `\(\*nocontextlib.Store\).Get runs a database query with no request context`
	if err != nil {
		http.Error(w, err.Error(), http.StatusInternalServerError)
		return
	}
	_, _ = w.Write([]byte(v))
}

func Routes(mux *http.ServeMux) {
	mux.HandleFunc("/tasks/delete", deleteTask)
	mux.HandleFunc("/values", getValue)
}
