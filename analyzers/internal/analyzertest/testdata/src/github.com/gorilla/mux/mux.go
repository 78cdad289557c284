// Package mux is a stub of github.com/gorilla/mux.
package mux

import "net/http"

type MiddlewareFunc func(http.Handler) http.Handler

type Router struct{}

func NewRouter() *Router { return &Router{} }

func (r *Router) ServeHTTP(w http.ResponseWriter, req *http.Request) {}
func (r *Router) Use(mwf ...MiddlewareFunc)                          {}
func (r *Router) Handle(path string, handler http.Handler) *Route    { return &Route{} }
func (r *Router) HandleFunc(path string, f func(http.ResponseWriter, *http.Request)) *Route {
	return &Route{}
}
func (r *Router) PathPrefix(tpl string) *Route { return &Route{} }
func (r *Router) Path(tpl string) *Route       { return &Route{} }

type Route struct{}

func (r *Route) Subrouter() *Router                                            { return &Router{} }
func (r *Route) Methods(methods ...string) *Route                              { return r }
func (r *Route) Handler(handler http.Handler) *Route                           { return r }
func (r *Route) HandlerFunc(f func(http.ResponseWriter, *http.Request)) *Route { return r }

func Vars(r *http.Request) map[string]string { return nil }
