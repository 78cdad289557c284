// want package:`metrics\(http.server.request.body.size:histogram http.server.request.duration:histogram http.server.response.body.size:histogram http_request_duration_seconds:histogram\{method,path,status\} media_download_size_bytes:histogram\{kind\} media_served_total:counter\{code\} media_thumbnail_size_bytes:histogram\{kind\} shop_request_duration_seconds:histogram\{code,method,host,url\} shop_requests_total:counter\{code,method,host,url\}\)`

// Package routers registers routes on chi, gin, echo and gorilla/mux
// routers, covered by metrics middleware or not.
package routers

import (
	"net/http"

	"github.com/go-chi/chi/v5"
	"github.com/prometheus/client_golang/prometheus/promhttp"

	"mw"
)

func h(w http.ResponseWriter, r *http.Request) {}

func chiUse() http.Handler {
	r := chi.NewRouter()
	r.Use(mw.Logging, mw.HTTP)
	r.Get("/users", h)
	r.Handle("/metrics", promhttp.Handler())
	r.Route("/admin", func(r chi.Router) {
		r.Get("/stats", h) // covered by the parent router's middleware
	})
	return r
}

func chiWith() http.Handler {
	r := chi.NewRouter()
	r.With(mw.HTTP).Get("/users", h)
	r.Get("/orders", h) // want `route "GET /orders" is not covered by the metrics middleware \(mw.HTTP\)`
	r.With(mw.HTTP).Get("/orders/{id}", h)
	return r
}

func chiGroups() http.Handler {
	r := chi.NewRouter()
	r.Group(func(r chi.Router) {
		r.Use(mw.HTTP)
		r.Get("/users", h)
	})
	r.Route("/admin", func(r chi.Router) {
		r.Get("/stats", h) // want `route "GET /admin/stats" is not covered by the metrics middleware \(mw.HTTP\)`
	})
	r.Route("/reports", func(r chi.Router) {
		r.Use(mw.HTTP)
		r.Get("/daily", h)
	})
	r.Get("/healthz", h)                          // exempt
	r.Get("/_svc/health", h)                      // exempt: a health check under the service's prefix
	r.Get("/schema/swagger.json", h)              // exempt: the API's description
	r.Get("/.well-known/openid-configuration", h) // exempt: a discovery document
	r.Get("/api/healthchecks", h)                 // want `route "GET /api/healthchecks" is not covered by the metrics middleware \(mw.HTTP\)`
	return r
}

func chiMount() http.Handler {
	r := chi.NewRouter()
	r.Mount("/api", mw.HTTP(apiRouter()))
	r.Mount("/legacy", apiRouter())      // want `route "/legacy" is not covered by the metrics middleware \(mw.HTTP\)`
	r.Mount("/v2", instrumentedRouter()) // its router installs the middleware
	return r
}

func instrumentedRouter() http.Handler {
	r := chi.NewRouter()
	r.Use(mw.HTTP)
	r.Get("/things", h)
	return r
}

func apiRouter() http.Handler {
	r := chi.NewRouter()
	r.Get("/things", h)
	return r
}
