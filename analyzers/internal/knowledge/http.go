package knowledge

// This file describes HTTP as net/http and the web frameworks' request
// contexts expose it:
//
//   - outbound calls and clients: ExternalCalls (budget), the clients and
//     dials with no timeout, and the connection deadlines that bound a
//     dial (timeouts);
//   - outbound connection reuse: the transport, its clone, the calls that
//     drop its idle connections, a single-host reverse proxy (limits);
//   - servers: the serving calls that set no timeouts (timeouts);
//   - request bodies and uploads: the readers that read a body whole, the
//     limiters that bound it, beego's built-in bounds (limits);
//   - request input: the calls, fields and binders that return what a
//     client sent (pagesize, nplusone), and how a handler receives a
//     request (timeouts).
//
// Route registration and server starts are in routers.go.

import (
	"go/types"
	"strings"
)

// Package paths.
const (
	NetHTTP = "net/http"
	Net     = "net"
	TLS     = "crypto/tls"
)

// ---- outbound calls and clients ----

// ExternalCalls are the calls that send a request to another service and
// wait for its answer: outbound HTTP and gRPC. Generated gRPC clients call
// ClientConnInterface's Invoke; their methods are known through facts.
var ExternalCalls = map[string]bool{
	"net/http.Get":                                 true,
	"net/http.Head":                                true,
	"net/http.Post":                                true,
	"net/http.PostForm":                            true,
	"(*net/http.Client).Do":                        true,
	"(*net/http.Client).Get":                       true,
	"(*net/http.Client).Head":                      true,
	"(*net/http.Client).Post":                      true,
	"(*net/http.Client).PostForm":                  true,
	"(*net/http.Transport).RoundTrip":              true,
	"(*" + GRPC + ".ClientConn).Invoke":            true,
	"(*" + GRPC + ".ClientConn).NewStream":         true,
	"(" + GRPC + ".ClientConnInterface).Invoke":    true,
	"(" + GRPC + ".ClientConnInterface).NewStream": true,
}

// DefaultClientFuncs are the net/http package functions that send a
// request through http.DefaultClient, which has no timeout.
var DefaultClientFuncs = map[string]bool{
	"net/http.Get":      true,
	"net/http.Head":     true,
	"net/http.Post":     true,
	"net/http.PostForm": true,
}

// UnboundedDials are the dial functions that have no timeout.
var UnboundedDials = map[string]string{
	"net.Dial":        "net.DialTimeout, or a net.Dialer with Timeout",
	"crypto/tls.Dial": "tls.DialWithDialer with a net.Dialer that sets Timeout, or a tls.Dialer",
}

// ConnDeadlines are the methods that set a connection's deadline.
var ConnDeadlines = map[string]bool{
	"(net.Conn).SetDeadline":             true,
	"(net.Conn).SetReadDeadline":         true,
	"(*net.conn).SetDeadline":            true, // *net.TCPConn's, promoted
	"(*net.conn).SetReadDeadline":        true,
	"(*crypto/tls.Conn).SetDeadline":     true,
	"(*crypto/tls.Conn).SetReadDeadline": true,
}

// contextFreeHTTP are the context-less variants of net/http's calls
// (ContextFree).
var contextFreeHTTP = map[string]string{
	"net/http.NewRequest":         "NewRequestWithContext",
	"(*net/http.Client).Get":      "Do with http.NewRequestWithContext",
	"(*net/http.Client).Head":     "Do with http.NewRequestWithContext",
	"(*net/http.Client).Post":     "Do with http.NewRequestWithContext",
	"(*net/http.Client).PostForm": "Do with http.NewRequestWithContext",
}

// ---- outbound connection reuse ----

// The outbound transport and what a program does with one (limits'
// keep-alive check): a transport built by the program (a literal, or a
// clone of another), the calls that drop its idle connections, and the
// fields that decide its connection reuse.
const (
	Transport             = "net/http.Transport"
	TransportClone        = "(*net/http.Transport).Clone"
	SingleHostProxy       = "net/http/httputil.NewSingleHostReverseProxy"
	ReverseProxy          = "net/http/httputil.ReverseProxy"
	FieldPerHost          = "MaxIdleConnsPerHost"
	FieldIdleTimeout      = "IdleConnTimeout"
	FieldDisableKeepAlive = "DisableKeepAlives"
)

// IdleClosers drop a transport's idle connections: a transport closed
// after its requests is built per call on purpose.
var IdleClosers = map[string]bool{
	"(*net/http.Transport).CloseIdleConnections": true,
	"(*net/http.Client).CloseIdleConnections":    true,
}

// ---- servers ----

// UnboundedServers are the functions that serve HTTP with no read or write
// timeouts and no way to set them.
var UnboundedServers = map[string]bool{
	"net/http.ListenAndServe":    true,
	"net/http.ListenAndServeTLS": true,
	"net/http.Serve":             true,
	"net/http.ServeTLS":          true,
	// gin's Run* call http.ListenAndServe / http.Serve on a zero Server.
	"(*github.com/gin-gonic/gin.Engine).Run":         true,
	"(*github.com/gin-gonic/gin.Engine).RunTLS":      true,
	"(*github.com/gin-gonic/gin.Engine).RunUnix":     true,
	"(*github.com/gin-gonic/gin.Engine).RunFd":       true,
	"(*github.com/gin-gonic/gin.Engine).RunListener": true,
}

// EchoStarts are echo's methods that serve one of the Echo's own servers,
// an *http.Server with zero timeouts unless the program sets them before
// the call, mapped to the field that holds it: Start and StartH2CServer
// serve e.Server, StartTLS and StartAutoTLS serve e.TLSServer.
var EchoStarts = map[string]string{
	"(*github.com/labstack/echo/v4.Echo).Start":          "Server",
	"(*github.com/labstack/echo/v4.Echo).StartH2CServer": "Server",
	"(*github.com/labstack/echo/v4.Echo).StartTLS":       "TLSServer",
	"(*github.com/labstack/echo/v4.Echo).StartAutoTLS":   "TLSServer",
}

// ServerUsers are functions that serve an *http.Server they are given
// without changing its timeouts.
var ServerUsers = map[string]bool{
	"(*github.com/labstack/echo/v4.Echo).StartServer": true,
}

// ---- request bodies ----

// BodyReaders read all of the reader they are given (argument Arg): a
// request body passed to them with no limit is read whole, however large.
var BodyReaders = map[string]int{
	"io.ReadAll":               0,
	"io/ioutil.ReadAll":        0,
	"encoding/json.NewDecoder": 0,
	"encoding/xml.NewDecoder":  0,
	"io.Copy":                  1,
	"io.CopyBuffer":            1,
}

// UploadReads parse a multipart request: the files go to disk beyond the
// memory argument, with no bound on their total.
var UploadReads = map[string]bool{
	"(*net/http.Request).ParseMultipartForm": true,
	"(*net/http.Request).FormFile":           true,
	"(*net/http.Request).MultipartReader":    true,
	"(*" + Gin + ".Context).FormFile":        true,
	"(*" + Gin + ".Context).MultipartForm":   true,
	"(" + Echo4 + ".Context).FormFile":       true,
	"(" + Echo4 + ".Context).MultipartForm":  true,
}

// FrameworkBodyReads read the request body of the framework context they
// are called on, whole.
var FrameworkBodyReads = map[string]bool{
	"(*" + Gin + ".Context).ShouldBindJSON":     true,
	"(*" + Gin + ".Context).BindJSON":           true,
	"(*" + Gin + ".Context).ShouldBind":         true,
	"(*" + Gin + ".Context).Bind":               true,
	"(*" + Gin + ".Context).ShouldBindXML":      true,
	"(*" + Gin + ".Context).BindXML":            true,
	"(*" + Gin + ".Context).ShouldBindYAML":     true,
	"(*" + Gin + ".Context).BindYAML":           true,
	"(*" + Gin + ".Context).ShouldBindTOML":     true,
	"(*" + Gin + ".Context).GetRawData":         true,
	"(*" + Gin + ".Context).ShouldBindBodyWith": true,
	"(" + Echo4 + ".Context).Bind":              true,
}

// A BodyLimiter bounds a request body, with the size at argument Size
// (-1: none given, the library's default) or in a string such as "2M"
// (echo).
type BodyLimiter struct {
	Size   int
	String bool // the size is a string such as "2M"
	Global bool // a handler or middleware: it limits every route it wraps
}

// BodyLimiters are the calls that limit a request body.
var BodyLimiters = map[string]BodyLimiter{
	"net/http.MaxBytesReader":                {Size: 2},
	"net/http.MaxBytesHandler":               {Size: 1, Global: true},
	"io.LimitReader":                         {Size: 1},
	Chi5Middleware + ".RequestSize":          {Size: 0, Global: true},
	Echo4Middleware + ".BodyLimit":           {Size: 0, String: true, Global: true},
	Echo4Middleware + ".BodyLimitWithConfig": {Size: -1, Global: true},
	// go-pkgz/rest's middleware refuses a larger Content-Length and reads
	// the body through io.LimitReader before any handler (tg-spam's
	// router).
	"github.com/go-pkgz/rest.SizeLimit": {Size: 0, Global: true},
	// gin-contrib/size's middleware wraps every request's body in a
	// reader that fails past the limit (chartmuseum's router).
	"github.com/gin-contrib/size.RequestSizeLimiter": {Size: 0, Global: true},
}

// BeegoContexts are beego's request context types (v2 and v1). beego's
// router bounds the body of every request it serves that is not a GET or
// HEAD before any filter or controller runs: an upload at MaxUploadSize
// (1GB by default), any other body at MaxMemory (64MB by default; with
// CopyRequestBody, a larger Content-Length is refused with 413 and the
// copy is read through a LimitedReader), wrapping it in
// http.MaxBytesReader. A read of ctx.Request.Body in a beego program is
// therefore bounded at beego's configured size.
var BeegoContexts = []string{
	"github.com/beego/beego/v2/server/web/context",
	"github.com/astaxie/beego/context",
}

// BeegoConfigs are the packages whose BConfig holds MaxMemory and
// MaxUploadSize, and BeegoRuns the calls that serve a beego application.
var BeegoConfigs = []string{
	"github.com/beego/beego/v2/server/web",
	"github.com/astaxie/beego",
}

// BeegoRuns are beego's functions that start its server with the
// configured body bounds (BConfig.MaxMemory, MaxUploadSize).
var BeegoRuns = map[string]bool{
	"github.com/beego/beego/v2/server/web.Run": true,
	"github.com/astaxie/beego.Run":             true,
}

// Beego's default body bounds (server/web/config.go, v2.3).
const (
	BeegoMaxMemory     = 1 << 26
	BeegoMaxUploadSize = 1 << 30
)

// ---- request input ----

// A RequestInput is a call that returns a value taken from an HTTP
// request.
type RequestInput struct {
	// What names the source in findings: "query parameter", "form value",
	// "path parameter".
	What string
	// NameArg is the index (the receiver not counted) of the argument
	// that names the parameter, or -1.
	NameArg int
}

// RequestInputs are the calls that return request input, by full name.
// url.Values.Get counts only on the values of an *http.Request (its URL's
// Query(), Form, PostForm); the analyzer checks that.
var RequestInputs = map[string]RequestInput{
	"(net/url.Values).Get":                   {What: "query parameter", NameArg: 0},
	"(*net/http.Request).FormValue":          {What: "form value", NameArg: 0},
	"(*net/http.Request).PostFormValue":      {What: "form value", NameArg: 0},
	"(*net/http.Request).PathValue":          {What: "path parameter", NameArg: 0},
	Chi5 + ".URLParam":                       {What: "path parameter", NameArg: 1},
	Chi5 + ".URLParamFromCtx":                {What: "path parameter", NameArg: 1},
	"(*" + Chi5 + ".Context).URLParam":       {What: "path parameter", NameArg: 0},
	"(*" + Gin + ".Context).Query":           {What: "query parameter", NameArg: 0},
	"(*" + Gin + ".Context).DefaultQuery":    {What: "query parameter", NameArg: 0},
	"(*" + Gin + ".Context).GetQuery":        {What: "query parameter", NameArg: 0},
	"(*" + Gin + ".Context).Param":           {What: "path parameter", NameArg: 0},
	"(*" + Gin + ".Context).PostForm":        {What: "form value", NameArg: 0},
	"(*" + Gin + ".Context).DefaultPostForm": {What: "form value", NameArg: 0},
	"(*" + Gin + ".Context).GetPostForm":     {What: "form value", NameArg: 0},
	"(" + Echo4 + ".Context).QueryParam":     {What: "query parameter", NameArg: 0},
	"(" + Echo4 + ".Context).Param":          {What: "path parameter", NameArg: 0},
	"(" + Echo4 + ".Context).FormValue":      {What: "form value", NameArg: 0},
}

// ValuesInputs are the calls that return a request's parameters as
// url.Values: Get on them is request input.
var ValuesInputs = map[string]string{
	"(*net/url.URL).Query":                "query parameter",
	"(" + Echo4 + ".Context).QueryParams": "query parameter",
	"(" + Echo4 + ".Context).FormParams":  "form value",
}

// MapInputs are the calls that return a map of request input indexed by
// parameter name: mux.Vars(r)["limit"].
var MapInputs = map[string]string{
	GorillaMx + ".Vars": "path parameter",
}

// RequestFields are the fields of *http.Request that hold request input
// (parsed forms), by field name.
var RequestFields = map[string]string{"Form": "form value", "PostForm": "form value"}

// Binders are the calls that fill the struct their argument points to
// from the request (query string, form or body), with the index of that
// argument (the receiver not counted). json.Decoder.Decode and
// json.Unmarshal count only on a request body; the analyzer checks that.
var Binders = map[string]int{
	"(*" + Gin + ".Context).Bind":               0,
	"(*" + Gin + ".Context).BindJSON":           0,
	"(*" + Gin + ".Context).BindQuery":          0,
	"(*" + Gin + ".Context).BindUri":            0,
	"(*" + Gin + ".Context).BindWith":           0,
	"(*" + Gin + ".Context).ShouldBind":         0,
	"(*" + Gin + ".Context).ShouldBindJSON":     0,
	"(*" + Gin + ".Context).ShouldBindQuery":    0,
	"(*" + Gin + ".Context).ShouldBindUri":      0,
	"(*" + Gin + ".Context).ShouldBindWith":     0,
	"(*" + Gin + ".Context).ShouldBindBodyWith": 0,
	"(" + Echo4 + ".Context).Bind":              0,
	"(*encoding/json.Decoder).Decode":           0,
	"encoding/json.Unmarshal":                   1,
}

// Handler kinds: how a function receives an HTTP request.
const (
	HandlerNone = iota
	HandlerNetHTTP
	HandlerGin
	HandlerEcho
)

// ServingEnds are the calls by which a request handler ends its server's
// service: it exits the process, or shuts down or closes the server. A
// handler that makes one serves a one-off setup wizard
// (serverrole.Setup).
var ServingEnds = map[string]bool{
	"os.Exit":                        true,
	"(*net/http.Server).Shutdown":    true,
	"(*net/http.Server).Close":       true,
	"(*" + Echo4 + ".Echo).Shutdown": true,
	"(*" + Echo4 + ".Echo).Close":    true,
}

// OpsHandlers are the constructors of handlers that serve operators, not
// users: profiling and runtime variables (serverrole.OpsHandler; the
// scrape handlers are knowledge.ScrapeHandlers).
var OpsHandlers = map[string]bool{
	"net/http/pprof.Handler":     true,
	"expvar.Handler":             true,
	Chi5Middleware + ".Profiler": true, // pprof and expvar under a chi router
}

// ACMEHandlers are the constructors of handlers that answer ACME
// HTTP-01 challenges and, with a nil fallback (their argument Fallback),
// redirect every other request to HTTPS: a port-80 server of them serves
// no request of the application (metrics do not measure it; its
// connections still need timeouts).
var ACMEHandlers = map[string]int{
	"(*golang.org/x/crypto/acme/autocert.Manager).HTTPHandler": 0,
}

// ContextSDKs are the constructors of API clients that take an
// *http.Client and whose every call takes a context.Context, keyed by
// full name with the module's major version (/vN) left out: the caller's
// context bounds each request the client sends (IsContextSDK).
var ContextSDKs = map[string]bool{
	"github.com/google/go-github/github.NewClient": true,
}

// ContextSDKFields are the fields of SDKs' options, keyed by the
// declaring package's path and the field's name, that hold the
// *http.Client (or the interface it implements) the SDK sends through,
// every call of the SDK taking a context.Context: the caller's context
// bounds each request (azcore's ClientOptions.Transport, which the Azure
// SDK's clients use; lakeFS's Cosmos DB and distribution's blob storage
// drivers set it; go-scm's Client.Client, which gitness and Drone set to
// a client over an OAuth or basic-auth transport).
var ContextSDKFields = map[string]bool{
	"github.com/Azure/azure-sdk-for-go/sdk/azcore/policy.Transport": true,
	"github.com/drone/go-scm/scm.Client":                            true,
}

// IsContextSDKField reports whether a struct field is one of
// ContextSDKFields.
func IsContextSDKField(f *types.Var) bool {
	return f != nil && f.IsField() && f.Pkg() != nil && ContextSDKFields[f.Pkg().Path()+"."+f.Name()]
}

// IsContextSDK reports whether a function, by full name, is one of
// ContextSDKs, in any major version.
func IsContextSDK(name string) bool { return ContextSDKs[withoutMajor(name)] }

// SetupCalls are the API calls that a service makes once, as it is set
// up, by the API's own definition, keyed by full name with the module's
// major version left out: go-github's CompleteAppManifest exchanges the
// one-time code of the GitHub App manifest flow for the new app's
// credentials (atlantis' and digger's set-up pages; judged false when
// reported as running detached in a request path).
var SetupCalls = map[string]bool{
	"(*github.com/google/go-github/github.AppsService).CompleteAppManifest": true,
}

// IsSetupCall reports whether a function, by full name, is one of
// SetupCalls, in any major version.
func IsSetupCall(name string) bool { return SetupCalls[withoutMajor(name)] }

// withoutMajor drops a module's major version element (/v75) from a full
// name.
func withoutMajor(name string) string {
	parts := strings.Split(name, "/")
	kept := parts[:0]
	for i, p := range parts {
		if i > 0 && i < len(parts)-1 && isMajorVersion(p) {
			continue
		}
		kept = append(kept, p)
	}
	return strings.Join(kept, "/")
}

// isMajorVersion reports whether a path element is a module's major
// version suffix: v2, v75.
func isMajorVersion(p string) bool {
	if len(p) < 2 || p[0] != 'v' {
		return false
	}
	for _, r := range p[1:] {
		if r < '0' || r > '9' {
			return false
		}
	}
	return true
}
