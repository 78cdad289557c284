package frameworks

import (
	"net/http"
	"time"

	"github.com/gin-gonic/gin"
	"github.com/labstack/echo/v4"
)

func runGin() {
	r := gin.Default()
	_ = r.Run(":8080")              // want `\(\*gin.Engine\).Run serves with no read or write timeouts`
	_ = r.RunTLS(":8443", "c", "k") // want `\(\*gin.Engine\).RunTLS serves with no`
}

func serveGin() error {
	r := gin.Default()
	srv := &http.Server{Addr: ":8080", Handler: r, ReadHeaderTimeout: 5 * time.Second}
	return srv.ListenAndServe()
}

func startEcho() {
	e := echo.New()
	_ = e.Start(":8080") // want `\(\*echo.Echo\).Start serves e.Server, which has no read or write timeouts`
}

func startEchoConfigured() {
	e := echo.New()
	e.Server.ReadTimeout = 5 * time.Second
	e.Server.WriteTimeout = 10 * time.Second
	_ = e.Start(":8080")
}

func startEchoHeaderTimeout() {
	e := echo.New()
	e.Server.ReadHeaderTimeout = 2 * time.Second
	_ = e.Start(":8080")
}

func startEchoTLS() {
	// StartTLS and StartAutoTLS serve e.TLSServer, not e.Server.
	e := echo.New()
	e.Server.ReadHeaderTimeout = 2 * time.Second
	_ = e.StartTLS(":8443", "c", "k") // want `\(\*echo.Echo\).StartTLS serves e.TLSServer, which has no read or write timeouts; .*; set e.TLSServer.ReadHeaderTimeout`
	_ = e.StartAutoTLS(":443")        // want `\(\*echo.Echo\).StartAutoTLS serves e.TLSServer`
}

func startEchoTLSConfigured() {
	e := echo.New()
	e.TLSServer.ReadHeaderTimeout = 2 * time.Second
	_ = e.StartTLS(":8443", "c", "k")
	_ = e.StartAutoTLS(":443")
}

func startEchoServer() {
	e := echo.New()
	_ = e.StartServer(&http.Server{Addr: ":8080"}) // want `http.Server has no ReadHeaderTimeout or ReadTimeout`
	_ = e.StartServer(&http.Server{Addr: ":8080", ReadHeaderTimeout: time.Second})
}

func harden(e *echo.Echo) { e.Server.ReadTimeout = 5 * time.Second }

func startEchoHandedOff() {
	// harden may set the timeouts.
	e := echo.New()
	harden(e)
	_ = e.Start(":8080")
}

func startEchoParam(e *echo.Echo) {
	// Configured by the caller, perhaps.
	_ = e.Start(":8080")
}
