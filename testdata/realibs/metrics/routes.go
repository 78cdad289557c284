package metrics

import (
	"net/http"

	"github.com/gin-gonic/gin"
	"github.com/go-chi/chi/v5"
	"github.com/go-chi/chi/v5/middleware"
	"github.com/gorilla/mux"
	"github.com/labstack/echo-contrib/echoprometheus"
	"github.com/labstack/echo/v4"
	"github.com/prometheus/client_golang/prometheus/promhttp"
	"go.opentelemetry.io/contrib/instrumentation/github.com/gin-gonic/gin/otelgin"
	"go.opentelemetry.io/contrib/instrumentation/github.com/gorilla/mux/otelmux"
	"go.opentelemetry.io/contrib/instrumentation/github.com/labstack/echo/otelecho"
	"go.opentelemetry.io/contrib/instrumentation/net/http/otelhttp"

	"example.com/realibs/metrics/telemetry"
)

func handle(w http.ResponseWriter, r *http.Request) {}

// ---- net/http ----

func serveMux() *http.ServeMux {
	mux := http.NewServeMux()
	mux.Handle("GET /users", telemetry.Instrument(http.HandlerFunc(handle)))
	mux.HandleFunc("GET /admin", handle) // want `route "GET /admin" is not covered by the metrics middleware \(telemetry.Instrument\) that covers the other routes of its router`
	mux.Handle("GET /orders", promhttp.InstrumentHandlerDuration(telemetry.RequestDuration, http.HandlerFunc(handle)))
	mux.Handle("GET /metrics", promhttp.Handler())
	mux.HandleFunc("GET /healthz", handle)
	return mux
}

func serveMuxOTel() *http.ServeMux {
	mux := http.NewServeMux()
	mux.Handle("/users", otelhttp.NewHandler(http.HandlerFunc(handle), "users"))
	mux.Handle("/orders", http.HandlerFunc(handle)) // want `route "/orders" is not covered by the metrics middleware \(otelhttp.NewHandler\)`
	mux.Handle("/carts", otelhttp.NewMiddleware("carts")(http.HandlerFunc(handle)))
	return mux
}

// ---- chi ----

func chiRouter() http.Handler {
	r := chi.NewRouter()
	r.Group(func(r chi.Router) {
		r.Use(telemetry.Instrument)
		r.Get("/users", handle)
		r.Post("/users", handle)
	})
	r.Get("/admin", handle)                      // want `route "GET /admin" is not covered by the metrics middleware \(telemetry.Instrument\)`
	r.Mount("/debug", middleware.Profiler())     // profiling, for operators (flipt)
	r.Mount("/legacy", http.HandlerFunc(handle)) // want `route "/legacy" is not covered by the metrics middleware \(telemetry.Instrument\)`
	r.With(telemetry.Instrument).Get("/orders", handle)
	r.Route("/reports", func(r chi.Router) {
		r.Use(otelhttp.NewMiddleware("reports"))
		r.Get("/daily", handle)
	})
	r.Handle("/metrics", promhttp.Handler())
	return r
}

// ---- gin ----

func ginEngine() *gin.Engine {
	r := gin.New()
	r.GET("/early", func(c *gin.Context) {}) // want `route "GET /early" is not covered by the metrics middleware \(telemetry.Gin\)`
	r.Use(telemetry.Gin())
	r.GET("/users", func(c *gin.Context) {})
	admin := r.Group("/admin")
	admin.GET("/stats", func(c *gin.Context) {})
	return r
}

// apiRoutesNone installs on /v1 the middleware its callers give, and its
// one call gives none (dkron's APIRoutes): /v1/jobs is no better covered
// than /v1, nothing reported.
func apiRoutesNone(r *gin.RouterGroup, mws ...gin.HandlerFunc) {
	r.GET("/v1", func(c *gin.Context) {})
	v1 := r.Group("/v1")
	v1.Use(mws...)
	v1.GET("/jobs", func(c *gin.Context) {})
}

func ginParamNone() *gin.Engine {
	r := gin.New()
	apiRoutesNone(r.Group("/"))
	return r
}

// apiRoutesGiven is its twin, whose caller gives it a middleware: taken
// as instrumenting, so /v1 beside it is reported.
func apiRoutesGiven(r *gin.RouterGroup, mws ...gin.HandlerFunc) {
	r.GET("/v1", func(c *gin.Context) {}) // want `route "GET /v1" is not covered by the metrics middleware \(middleware\)`
	v1 := r.Group("/v1")
	v1.Use(mws...)
	v1.GET("/jobs", func(c *gin.Context) {})
}

func ginParamGiven() *gin.Engine {
	r := gin.New()
	apiRoutesGiven(r.Group("/"), telemetry.Gin())
	return r
}

func ginOTel() *gin.Engine {
	r := gin.New()
	api := r.Group("/api", otelgin.Middleware("shop"))
	api.GET("/users", func(c *gin.Context) {})
	r.GET("/admin", func(c *gin.Context) {}) // want `route "GET /admin" is not covered by the metrics middleware \(otelgin.Middleware\)`
	return r
}

// ---- echo ----

func echoServer() *echo.Echo {
	e := echo.New()
	g := e.Group("/api", telemetry.Echo)
	g.GET("/users", func(c echo.Context) error { return nil })
	e.GET("/admin", func(c echo.Context) error { return nil }) // want `route "GET /admin" is not covered by the metrics middleware \(telemetry.Echo\)`
	e.GET("/orders", func(c echo.Context) error { return nil }, telemetry.Echo)
	e.GET("/metrics", echoprometheus.NewHandler())
	return e
}

func echoPrometheus() *echo.Echo {
	e := echo.New()
	e.Use(echoprometheus.NewMiddleware("shop"))
	e.GET("/users", func(c echo.Context) error { return nil })
	return e
}

// echoprometheus configured by a literal (go-feature-flag's relay proxy).
func echoPrometheusConfig() *echo.Echo {
	e := echo.New()
	e.Use(echoprometheus.NewMiddlewareWithConfig(echoprometheus.MiddlewareConfig{Subsystem: "shop"}))
	e.GET("/users", func(c echo.Context) error { return nil })
	return e
}

// otelecho records traces, not metrics: a route it alone wraps is not
// covered.
func echoOTel() *echo.Echo {
	e := echo.New()
	api := e.Group("/api", telemetry.Echo)
	api.GET("/users", func(c echo.Context) error { return nil })
	traced := e.Group("/traced", otelecho.Middleware("shop"))
	traced.GET("/orders", func(c echo.Context) error { return nil }) // want `route "GET /traced/orders" is not covered by the metrics middleware \(telemetry.Echo\)`
	both := e.Group("/both", otelecho.Middleware("shop"), telemetry.Echo)
	both.GET("/carts", func(c echo.Context) error { return nil })
	return e
}

// ---- gorilla/mux ----

func gorilla() http.Handler {
	r := mux.NewRouter()
	api := r.PathPrefix("/api").Subrouter()
	api.Use(telemetry.Instrument)
	api.HandleFunc("/users", handle).Methods(http.MethodGet)
	r.HandleFunc("/admin", handle) // want `route "/admin" is not covered by the metrics middleware \(telemetry.Instrument\)`
	r.Path("/orders").Handler(telemetry.Instrument(http.HandlerFunc(handle)))
	return r
}

// otelmux records traces, not metrics: a route it alone wraps is not
// covered.
func gorillaOTelMixed() http.Handler {
	r := mux.NewRouter()
	api := r.PathPrefix("/api").Subrouter()
	api.Use(telemetry.Instrument)
	api.HandleFunc("/users", handle)
	traced := r.PathPrefix("/traced").Subrouter()
	traced.Use(otelmux.Middleware("shop"))
	traced.HandleFunc("/orders", handle) // want `route "/traced/orders" is not covered by the metrics middleware \(telemetry.Instrument\)`
	both := r.PathPrefix("/both").Subrouter()
	both.Use(otelmux.Middleware("shop"), telemetry.Instrument)
	both.HandleFunc("/carts", handle)
	return r
}

// otelmux alone: nothing in the router is instrumented, so its routes are
// left to the server check.
func gorillaOTelMux() http.Handler {
	r := mux.NewRouter()
	r.Use(otelmux.Middleware("shop"))
	r.HandleFunc("/users", handle)
	return r
}

// gorillaBasePath moves r under a base path when one is configured
// (statping): the root's middleware covers the routes either way.
func gorillaBasePath(base string) http.Handler {
	r := mux.NewRouter()
	r.Use(telemetry.Instrument)
	if base != "" {
		r = r.PathPrefix("/" + base).Subrouter()
	}
	api := r.PathPrefix("/api").Subrouter()
	api.Use(telemetry.Instrument)
	api.HandleFunc("/orders", handle)
	r.HandleFunc("/users", handle)
	return r
}

// gorillaBasePathBare is its twin: the middleware is on a subrouter only,
// and a route of the base router is not covered.
func gorillaBasePathBare(base string) http.Handler {
	r := mux.NewRouter()
	if base != "" {
		r = r.PathPrefix("/" + base).Subrouter()
	}
	api := r.PathPrefix("/api").Subrouter()
	api.Use(telemetry.Instrument)
	api.HandleFunc("/orders", handle)
	r.HandleFunc("/admin", handle) // want `route "/admin" is not covered by the metrics middleware \(telemetry.Instrument\)`
	return r
}
