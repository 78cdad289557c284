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
