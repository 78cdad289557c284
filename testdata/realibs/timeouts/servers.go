package timeouts

import (
	"fmt"
	"net"
	"net/http"
	"sync"
	"time"

	ocprom "contrib.go.opencensus.io/exporter/prometheus"
	"github.com/gin-gonic/gin"
	"github.com/go-chi/chi/v5"
	"github.com/labstack/echo/v4"
	"github.com/prometheus/client_golang/prometheus/promhttp"
	"golang.org/x/net/http2"
)

// ---- net/http ----

func listenAndServe(h http.Handler) error {
	return http.ListenAndServe(":8080", h) // want `http.ListenAndServe serves with no read or write timeouts; slow clients can hold connections open forever \(Slowloris\); serve from an http.Server with ReadHeaderTimeout and ReadTimeout set \(and WriteTimeout, unless a response streams\)`
}

func listenAndServeBounded(h http.Handler) error {
	srv := &http.Server{Addr: ":8080", Handler: h, ReadHeaderTimeout: 5 * time.Second}
	return srv.ListenAndServe()
}

func listenAndServeTLS(h http.Handler) error {
	return http.ListenAndServeTLS(":8443", "cert.pem", "key.pem", h) // want `http.ListenAndServeTLS serves with no read or write timeouts`
}

func listenAndServeTLSBounded(h http.Handler) error {
	srv := &http.Server{Addr: ":8443", Handler: h, ReadTimeout: 10 * time.Second, WriteTimeout: 10 * time.Second}
	return srv.ListenAndServeTLS("cert.pem", "key.pem")
}

func serve(l net.Listener, h http.Handler) error {
	return http.Serve(l, h) // want `http.Serve serves with no read or write timeouts`
}

func serveBounded(l net.Listener, h http.Handler) error {
	srv := &http.Server{Handler: h, ReadHeaderTimeout: 5 * time.Second}
	return srv.Serve(l)
}

func serveTLS(l net.Listener, h http.Handler) error {
	return http.ServeTLS(l, h, "cert.pem", "key.pem") // want `http.ServeTLS serves with no read or write timeouts`
}

func serveTLSBounded(l net.Listener, h http.Handler) error {
	srv := &http.Server{Handler: h, ReadHeaderTimeout: 5 * time.Second}
	return srv.ServeTLS(l, "cert.pem", "key.pem")
}

func bareServer(h http.Handler) error {
	srv := &http.Server{Addr: ":8080", Handler: h} // want `http.Server has no ReadHeaderTimeout or ReadTimeout; slow clients can hold connections open forever \(Slowloris\); set ReadHeaderTimeout and ReadTimeout, within the plan's request_timeout of 30s \(and WriteTimeout, unless a response streams\)`
	return srv.ListenAndServe()
}

func serverTimeoutAfterLiteral(h http.Handler) error {
	srv := &http.Server{Addr: ":8080", Handler: h}
	srv.ReadHeaderTimeout = 5 * time.Second
	return srv.ListenAndServe()
}

func serverOnlyWriteTimeout(h http.Handler) error {
	srv := &http.Server{Addr: ":8080", Handler: h, WriteTimeout: 10 * time.Second} // want `http.Server has no ReadHeaderTimeout or ReadTimeout`
	return srv.ListenAndServe()
}

func valueServer(h http.Handler) error {
	srv := http.Server{Addr: ":8080", Handler: h} // want `http.Server has no ReadHeaderTimeout or ReadTimeout`
	return srv.ListenAndServe()
}

func valueServerTimeoutAfterLiteral(h http.Handler) error {
	srv := http.Server{Addr: ":8080", Handler: h}
	srv.ReadTimeout = 10 * time.Second
	return srv.ListenAndServe()
}

// ---- chi: a chi router is an http.Handler ----

func serveChi() error {
	router := chi.NewRouter()
	router.Get("/users/{id}", chiUser)
	return http.ListenAndServe(":8080", router) // want `http.ListenAndServe serves with no read or write timeouts`
}

func serveChiBounded() error {
	router := chi.NewRouter()
	router.Get("/users/{id}", chiUser)
	srv := &http.Server{Addr: ":8080", Handler: router, ReadHeaderTimeout: 5 * time.Second}
	return srv.ListenAndServe()
}

// ---- gin: Engine.Run and its variants serve from a zero http.Server ----

func runGin() error {
	engine := gin.New()
	engine.GET("/users/:id", ginUser)
	return engine.Run(":8080") // want `\(\*gin.Engine\).Run serves with no read or write timeouts; slow clients can hold connections open forever \(Slowloris\); serve from an http.Server with ReadHeaderTimeout and ReadTimeout set \(and WriteTimeout, unless a response streams\)`
}

func runGinVariants(l net.Listener) {
	engine := gin.Default()
	_ = engine.RunTLS(":8443", "cert.pem", "key.pem") // want `\(\*gin.Engine\).RunTLS serves with no read or write timeouts`
	_ = engine.RunUnix("/tmp/gin.sock")               // want `\(\*gin.Engine\).RunUnix serves with no read or write timeouts`
	_ = engine.RunFd(3)                               // want `\(\*gin.Engine\).RunFd serves with no read or write timeouts`
	_ = engine.RunListener(l)                         // want `\(\*gin.Engine\).RunListener serves with no read or write timeouts`
}

func serveGinBounded() error {
	engine := gin.New()
	engine.GET("/users/:id", ginUser)
	srv := &http.Server{Addr: ":8080", Handler: engine.Handler(), ReadHeaderTimeout: 5 * time.Second}
	return srv.ListenAndServe()
}

func serveGinTLSBounded() error {
	engine := gin.New()
	srv := &http.Server{Addr: ":8443", Handler: engine, ReadTimeout: 10 * time.Second}
	return srv.ListenAndServeTLS("cert.pem", "key.pem")
}

// ---- echo: Start serves e.Server, StartTLS and StartAutoTLS e.TLSServer ----

func startEcho() error {
	e := echo.New()
	e.GET("/users/:id", echoUser)
	return e.Start(":8080") // want `\(\*echo.Echo\).Start serves e.Server, which has no read or write timeouts; slow clients can hold connections open forever \(Slowloris\); set e.Server.ReadHeaderTimeout and ReadTimeout \(and WriteTimeout, unless a response streams\) before starting`
}

func startEchoReadTimeout() error {
	e := echo.New()
	e.GET("/users/:id", echoUser)
	e.Server.ReadTimeout = 10 * time.Second
	e.Server.WriteTimeout = 10 * time.Second
	return e.Start(":8080")
}

func startEchoReadHeaderTimeout() error {
	e := echo.New()
	e.Server.ReadHeaderTimeout = 5 * time.Second
	return e.Start(":8080")
}

func startEchoOwnServer() error {
	e := echo.New()
	e.Server = &http.Server{ReadHeaderTimeout: 5 * time.Second}
	return e.Start(":8080")
}

func startEchoTLS() error {
	e := echo.New()
	return e.StartTLS(":8443", "cert.pem", "key.pem") // want `\(\*echo.Echo\).StartTLS serves e.TLSServer, which has no read or write timeouts; .*; set e.TLSServer.ReadHeaderTimeout and ReadTimeout \(and WriteTimeout, unless a response streams\) before starting`
}

func startEchoTLSWrongServer() error {
	// StartTLS serves e.TLSServer, not e.Server: e.Server's timeouts do
	// not apply to it.
	e := echo.New()
	e.Server.ReadTimeout = 10 * time.Second
	return e.StartTLS(":8443", "cert.pem", "key.pem") // want `\(\*echo.Echo\).StartTLS serves e.TLSServer, which has no read or write timeouts`
}

func startEchoTLSBounded() error {
	e := echo.New()
	e.TLSServer.ReadHeaderTimeout = 5 * time.Second
	return e.StartTLS(":8443", "cert.pem", "key.pem")
}

func startEchoAutoTLS() error {
	e := echo.New()
	return e.StartAutoTLS(":443") // want `\(\*echo.Echo\).StartAutoTLS serves e.TLSServer, which has no read or write timeouts`
}

func startEchoAutoTLSBounded() error {
	e := echo.New()
	e.TLSServer.ReadTimeout = 10 * time.Second
	return e.StartAutoTLS(":443")
}

func startEchoH2C() error {
	e := echo.New()
	return e.StartH2CServer(":8080", &http2.Server{}) // want `\(\*echo.Echo\).StartH2CServer serves e.Server, which has no read or write timeouts`
}

func startEchoH2CBounded() error {
	e := echo.New()
	e.Server.ReadHeaderTimeout = 5 * time.Second
	return e.StartH2CServer(":8080", &http2.Server{})
}

func startEchoServer() error {
	e := echo.New()
	return e.StartServer(&http.Server{Addr: ":8080"}) // want `http.Server has no ReadHeaderTimeout or ReadTimeout`
}

func startEchoServerBounded() error {
	e := echo.New()
	return e.StartServer(&http.Server{Addr: ":8080", ReadHeaderTimeout: 5 * time.Second})
}

func hardenEcho(e *echo.Echo) {
	e.Server.ReadHeaderTimeout = 5 * time.Second
	e.TLSServer.ReadHeaderTimeout = 5 * time.Second
}

func startEchoConfiguredByHelper() error {
	// A function given e may set its servers' timeouts.
	e := echo.New()
	e.GET("/users/:id", echoUser)
	hardenEcho(e)
	return e.StartTLS(":8443", "cert.pem", "key.pem")
}

func startEchoConfiguredByCaller(e *echo.Echo) error {
	// The caller may have set e.Server's timeouts.
	return e.Start(":8080")
}

// A metrics listener whose router serves only Prometheus' scrape handler
// (woodpecker's metrics-server-addr, ntfy's metrics-listen-http) is for
// the scraper, not the public (serverrole); the twin serves the API too.
func metricsListener(addr string) error {
	router := gin.New()
	router.GET("/metrics", gin.WrapH(promhttp.Handler()))
	srv := &http.Server{Addr: addr, Handler: router}
	return srv.ListenAndServe()
}

func metricsAndAPI(addr string, api gin.HandlerFunc) error {
	router := gin.New()
	router.GET("/metrics", gin.WrapH(promhttp.Handler()))
	router.GET("/api/items", api)
	srv := &http.Server{Addr: addr, Handler: router} // want `http.Server has no ReadHeaderTimeout or ReadTimeout`
	return srv.ListenAndServe()
}

func scrapeListener(addr string) error {
	srv := &http.Server{Addr: addr, Handler: promhttp.Handler()}
	return srv.ListenAndServe()
}

// OpenCensus's Prometheus exporter is itself the scrape handler: a mux
// with it and a health probe that ignores its request serves operators
// (notifuse's metrics port); the twin serves the API beside them.
func openCensusMetricsListener(port int) error {
	pe, err := ocprom.NewExporter(ocprom.Options{Namespace: "shop"})
	if err != nil {
		return err
	}
	mux := http.NewServeMux()
	mux.Handle("/metrics", pe)
	mux.HandleFunc("/health", func(w http.ResponseWriter, r *http.Request) {
		w.WriteHeader(http.StatusOK)
	})
	srv := &http.Server{Addr: fmt.Sprintf(":%d", port), Handler: mux}
	return srv.ListenAndServe()
}

func openCensusMetricsAndAPI(port int, api http.HandlerFunc) error {
	pe, err := ocprom.NewExporter(ocprom.Options{Namespace: "shop"})
	if err != nil {
		return err
	}
	mux := http.NewServeMux()
	mux.Handle("/metrics", pe)
	mux.HandleFunc("/api/items", api)
	srv := &http.Server{Addr: fmt.Sprintf(":%d", port), Handler: mux} // want `http.Server has no ReadHeaderTimeout or ReadTimeout`
	return srv.ListenAndServe()
}

// A mux of health probes alone is no operators' server by itself.
func healthOnly(port int) error {
	mux := http.NewServeMux()
	mux.HandleFunc("/health", func(w http.ResponseWriter, r *http.Request) {
		w.WriteHeader(http.StatusOK)
	})
	srv := &http.Server{Addr: fmt.Sprintf(":%d", port), Handler: mux} // want `http.Server has no ReadHeaderTimeout or ReadTimeout`
	return srv.ListenAndServe()
}

// The same served from a goroutine's literal that captures the exporter
// (notifuse's metrics port): the mux's handler is loaded from the
// exporter's cell. The twin registers the API beside it.
func openCensusMetricsGoroutine(port int, api http.HandlerFunc) error {
	pe, err := ocprom.NewExporter(ocprom.Options{Namespace: "shop"})
	if err != nil {
		return err
	}
	go func() {
		mux := http.NewServeMux()
		mux.Handle("/metrics", pe)
		srv := &http.Server{Addr: fmt.Sprintf(":%d", port), Handler: mux}
		_ = srv.ListenAndServe()
	}()
	go func() {
		mux := http.NewServeMux()
		mux.Handle("/metrics", pe)
		mux.HandleFunc("/api/items", api)
		srv := &http.Server{Addr: fmt.Sprintf(":%d", port+1), Handler: mux} // want `http.Server has no ReadHeaderTimeout or ReadTimeout`
		_ = srv.ListenAndServe()
	}()
	return nil
}

// A metrics listener served from a goroutine's literal that captures its
// mux (syncthing's stupgrades): the mux is the value bound where the
// literal is made, and serves only the scrape endpoint: operators'. The
// twin serves the API beside it.
func metricsCaptured(l net.Listener, api http.HandlerFunc) {
	mux := http.NewServeMux()
	mux.Handle("/metrics", promhttp.Handler())
	go func() {
		_ = http.Serve(l, mux)
	}()
	apiMux := http.NewServeMux()
	apiMux.Handle("/metrics", promhttp.Handler())
	apiMux.HandleFunc("/api/items", api)
	go func() {
		_ = http.Serve(l, apiMux) // want `http.Serve serves with no read or write timeouts`
	}()
}

var scrapeMu sync.RWMutex

// handleMetrics serves the scrape endpoint under a lock (syncthing's
// strelaypoolsrv): an operators' handler of the program's own.
func handleMetrics(w http.ResponseWriter, r *http.Request) {
	scrapeMu.RLock()
	defer scrapeMu.RUnlock()
	promhttp.Handler().ServeHTTP(w, r)
}

// handleMetricsAndStatus is its twin: it also writes a status line of
// its own to the client.
func handleMetricsAndStatus(w http.ResponseWriter, r *http.Request) {
	promhttp.Handler().ServeHTTP(w, r)
	_, _ = fmt.Fprintln(w, "relays: ok")
}

func metricsWrapped(addr string) {
	mux := http.NewServeMux()
	mux.HandleFunc("/metrics", handleMetrics)
	go func() {
		_ = http.ListenAndServe(addr, mux)
	}()
	statusMux := http.NewServeMux()
	statusMux.HandleFunc("/metrics", handleMetricsAndStatus)
	go func() {
		_ = http.ListenAndServe(addr, statusMux) // want `http.ListenAndServe serves with no read or write timeouts`
	}()
}
