package routers

import (
	"net/http"

	"github.com/gorilla/mux"

	"mw"
)

func gorillaUse() http.Handler {
	r := mux.NewRouter()
	r.Use(mw.HTTP)
	r.HandleFunc("/users", h).Methods("GET")
	return r
}

func gorillaSubrouter() http.Handler {
	r := mux.NewRouter()
	api := r.PathPrefix("/api").Subrouter()
	api.Use(mw.HTTP)
	api.HandleFunc("/users", h)
	r.HandleFunc("/admin", h)         // want `route "/admin" is not covered by the metrics middleware \(mw.HTTP\)`
	r.Path("/reports").HandlerFunc(h) // want `route "/reports" is not covered by the metrics middleware \(mw.HTTP\)`
	r.Path("/exports").Handler(mw.HTTP(http.HandlerFunc(h)))
	return r
}

// gorillaBasePath moves r under a base path when one is configured
// (statping): the root's middleware covers the routes either way.
func gorillaBasePath(base string) http.Handler {
	r := mux.NewRouter()
	r.Use(mw.HTTP)
	if base != "" {
		r = r.PathPrefix("/" + base).Subrouter()
	}
	api := r.PathPrefix("/api").Subrouter()
	api.Use(mw.HTTP)
	api.HandleFunc("/orders", h)
	r.HandleFunc("/users", h)
	r.PathPrefix("/css/").Handler(http.FileServer(http.Dir("assets")))
	return r
}

// gorillaBasePathBare is its twin: the middleware is on a subrouter, and a
// route of the base router is not covered.
func gorillaBasePathBare(base string) http.Handler {
	r := mux.NewRouter()
	if base != "" {
		r = r.PathPrefix("/" + base).Subrouter()
	}
	api := r.PathPrefix("/api").Subrouter()
	api.Use(mw.HTTP)
	api.HandleFunc("/users", h)
	r.HandleFunc("/admin", h) // want `route "/admin" is not covered by the metrics middleware \(mw.HTTP\)`
	return r
}
