package knowledge

// This file describes routers: the calls that register a route, install
// middleware or derive a router (net/http's ServeMux, chi, gin, echo,
// gorilla/mux), the calls that start serving (net/http, gin, echo), and
// gRPC's server and its options. internal/routes reads it to discover a
// program's routes for metrics and budget; metrics reads the gRPC server
// options; metrics, limits, timeouts and internal/serverrole read
// ServerStarts.

// Package paths.
const (
	Gin             = "github.com/gin-gonic/gin"
	Echo4           = "github.com/labstack/echo/v4"
	Chi5            = "github.com/go-chi/chi/v5"
	GorillaMx       = "github.com/gorilla/mux"
	GRPC            = "google.golang.org/grpc"
	Chi5Middleware  = Chi5 + "/middleware"
	Echo4Middleware = Echo4 + "/middleware"
)

// A RouteSpec describes a function or method that registers a route. Argument
// indexes do not count the receiver; -1 means none.
type RouteSpec struct {
	Method  string // the HTTP method the call registers ("GET"), or ""
	Pattern int    // the path or ServeMux pattern
	// Handler is the handler's index. With Variadic, the handlers are the
	// variadic arguments from this index on: the last is the handler, the
	// ones before it middleware (gin).
	Handler  int
	Variadic bool
	// Middleware: the variadic arguments from this index on are middleware
	// for this route alone (echo's m ...MiddlewareFunc).
	Middleware int
	// Recv: the route is registered on the router the receiver derives
	// from, through a gorilla/mux *Route.
	OnRoute bool
	// MethodArg: the first argument is the HTTP method (gin's Handle,
	// echo's Add); a constant one names the route.
	MethodArg bool
}

// A RouterOp describes a method that installs middleware on a router or
// derives a router from it.
type RouterOp struct {
	// Middleware: the (variadic) arguments from this index on are middleware
	// for the router, or -1.
	Middleware int
	// Child: the result is a router below the receiver (a group, a
	// subrouter, chi's With); with Same, it is the receiver itself.
	Child bool
	Same  bool
	// Callback is the index of a func(r Router) argument whose parameter is
	// a router below the receiver (chi's Route and Group), or -1.
	Callback int
	// Ordered: the middleware covers only the routes registered after it
	// (gin, and echo groups, copy the middleware into each route at
	// registration).
	Ordered bool
}

// Routes are the functions and methods that register a route, by full
// name.
var Routes = func() map[string]RouteSpec {
	m := map[string]RouteSpec{
		"net/http.Handle":                        {Pattern: 0, Handler: 1, Middleware: -1},
		"net/http.HandleFunc":                    {Pattern: 0, Handler: 1, Middleware: -1},
		"(*net/http.ServeMux).Handle":            {Pattern: 0, Handler: 1, Middleware: -1},
		"(*net/http.ServeMux).HandleFunc":        {Pattern: 0, Handler: 1, Middleware: -1},
		"(*" + GorillaMx + ".Router).Handle":     {Pattern: 0, Handler: 1, Middleware: -1},
		"(*" + GorillaMx + ".Router).HandleFunc": {Pattern: 0, Handler: 1, Middleware: -1},
		"(*" + GorillaMx + ".Route).Handler":     {Pattern: -1, Handler: 0, Middleware: -1, OnRoute: true},
		"(*" + GorillaMx + ".Route).HandlerFunc": {Pattern: -1, Handler: 0, Middleware: -1, OnRoute: true},
	}
	chiVerbs := map[string]string{
		"Get": "GET", "Post": "POST", "Put": "PUT", "Patch": "PATCH", "Delete": "DELETE",
		"Head": "HEAD", "Options": "OPTIONS", "Connect": "CONNECT", "Trace": "TRACE",
	}
	for _, recv := range []string{"(" + Chi5 + ".Router)", "(*" + Chi5 + ".Mux)"} {
		for name, verb := range chiVerbs {
			m[recv+"."+name] = RouteSpec{Method: verb, Pattern: 0, Handler: 1, Middleware: -1}
		}
		m[recv+".Handle"] = RouteSpec{Pattern: 0, Handler: 1, Middleware: -1}
		m[recv+".HandleFunc"] = RouteSpec{Pattern: 0, Handler: 1, Middleware: -1}
		m[recv+".Method"] = RouteSpec{Pattern: 1, Handler: 2, Middleware: -1}
		m[recv+".MethodFunc"] = RouteSpec{Pattern: 1, Handler: 2, Middleware: -1}
		m[recv+".Mount"] = RouteSpec{Pattern: 0, Handler: 1, Middleware: -1}
	}
	ginVerbs := []string{"GET", "POST", "PUT", "PATCH", "DELETE", "HEAD", "OPTIONS"}
	// Through gin.IRouter, the verbs are IRoutes' methods.
	for _, recv := range []string{"(*" + Gin + ".RouterGroup)", "(" + Gin + ".IRoutes)"} {
		for _, verb := range ginVerbs {
			m[recv+"."+verb] = RouteSpec{Method: verb, Pattern: 0, Handler: 1, Variadic: true, Middleware: -1}
		}
		m[recv+".Any"] = RouteSpec{Pattern: 0, Handler: 1, Variadic: true, Middleware: -1}
		m[recv+".Handle"] = RouteSpec{Pattern: 1, Handler: 2, Variadic: true, Middleware: -1, MethodArg: true}
		m[recv+".Match"] = RouteSpec{Pattern: 1, Handler: 2, Variadic: true, Middleware: -1}
	}
	echoVerbs := []string{"GET", "POST", "PUT", "PATCH", "DELETE", "HEAD", "OPTIONS", "CONNECT", "TRACE"}
	for _, recv := range []string{"(*" + Echo4 + ".Echo)", "(*" + Echo4 + ".Group)"} {
		for _, verb := range echoVerbs {
			m[recv+"."+verb] = RouteSpec{Method: verb, Pattern: 0, Handler: 1, Middleware: 2}
		}
		m[recv+".Any"] = RouteSpec{Pattern: 0, Handler: 1, Middleware: 2}
		m[recv+".Match"] = RouteSpec{Pattern: 1, Handler: 2, Middleware: 3}
		m[recv+".Add"] = RouteSpec{Pattern: 1, Handler: 2, Middleware: 3, MethodArg: true}
	}
	return m
}()

// RouterOps are the methods that install middleware on a router or derive
// routers from it, by full name.
var RouterOps = func() map[string]RouterOp {
	m := map[string]RouterOp{
		"(*" + Gin + ".Engine).Use":            {Middleware: 0, Same: true, Callback: -1, Ordered: true},
		"(*" + Gin + ".RouterGroup).Use":       {Middleware: 0, Same: true, Callback: -1, Ordered: true},
		"(" + Gin + ".IRoutes).Use":            {Middleware: 0, Same: true, Callback: -1, Ordered: true},
		"(*" + Gin + ".RouterGroup).Group":     {Middleware: 1, Child: true, Callback: -1},
		"(" + Gin + ".IRouter).Group":          {Middleware: 1, Child: true, Callback: -1},
		"(*" + Echo4 + ".Echo).Use":            {Middleware: 0, Same: true, Callback: -1},
		"(*" + Echo4 + ".Echo).Pre":            {Middleware: 0, Same: true, Callback: -1},
		"(*" + Echo4 + ".Group).Use":           {Middleware: 0, Same: true, Callback: -1, Ordered: true}, // group middleware is copied into the routes added after it
		"(*" + Echo4 + ".Echo).Group":          {Middleware: 1, Child: true, Callback: -1},
		"(*" + Echo4 + ".Group).Group":         {Middleware: 1, Child: true, Callback: -1},
		"(*" + GorillaMx + ".Router).Use":      {Middleware: 0, Same: true, Callback: -1},
		"(*" + GorillaMx + ".Route).Subrouter": {Middleware: -1, Child: true, Callback: -1},
	}
	// gorilla/mux: methods that make a *Route on the receiver router, or
	// refine a *Route; the route belongs to the router.
	for _, name := range []string{"NewRoute", "Path", "PathPrefix", "Host", "Methods", "Headers", "Queries", "Schemes", "MatcherFunc", "Name", "BuildVarsFunc"} {
		m["(*"+GorillaMx+".Router)."+name] = RouterOp{Middleware: -1, Same: true, Callback: -1}
	}
	for _, name := range []string{"Path", "PathPrefix", "Host", "Methods", "Headers", "HeadersRegexp", "Queries", "Schemes", "MatcherFunc", "Name", "BuildVarsFunc"} {
		m["(*"+GorillaMx+".Route)."+name] = RouterOp{Middleware: -1, Same: true, Callback: -1}
	}
	for _, recv := range []string{"(" + Chi5 + ".Router)", "(*" + Chi5 + ".Mux)"} {
		m[recv+".Use"] = RouterOp{Middleware: 0, Same: true, Callback: -1}
		m[recv+".With"] = RouterOp{Middleware: 0, Child: true, Callback: -1}
		m[recv+".Group"] = RouterOp{Middleware: -1, Child: true, Callback: 0}
		m[recv+".Route"] = RouterOp{Middleware: -1, Child: true, Callback: 1}
	}
	return m
}()

// GorillaSubrouter derives a gorilla/mux router whose routes serve under
// the path its route was given (r.PathPrefix("/api").Subrouter()).
const GorillaSubrouter = "(*" + GorillaMx + ".Route).Subrouter"

// GorillaMethods restrict a gorilla/mux route to the methods they list
// (r.HandleFunc("/x", h).Methods("GET")).
var GorillaMethods = map[string]bool{
	"(*" + GorillaMx + ".Route).Methods":  true,
	"(*" + GorillaMx + ".Router).Methods": true,
}

// GroupPrefixes are the RouterOps whose derived router serves under a
// path prefix (gin's and echo's Group, chi's Route), by the index of the
// prefix argument: a route registered on the group serves at the
// prefix followed by its own path.
var GroupPrefixes = map[string]int{
	"(*" + Gin + ".RouterGroup).Group": 0,
	"(" + Gin + ".IRouter).Group":      0,
	"(*" + Echo4 + ".Echo).Group":      0,
	"(*" + Echo4 + ".Group).Group":     0,
	"(" + Chi5 + ".Router).Route":      0,
	"(*" + Chi5 + ".Mux).Route":        0,
}

// A ServerStart starts serving HTTP. Handler is the index of the handler
// argument (not counting the receiver), or -1 when the receiver is what
// is served (an *http.Server's Handler, a gin Engine, an Echo).
type ServerStart struct {
	Handler int
	// ServerField: the receiver is an *http.Server whose Handler field
	// is served.
	ServerField bool
}

// ServerStarts are the functions and methods that start an HTTP server.
var ServerStarts = map[string]ServerStart{
	"net/http.ListenAndServe":              {Handler: 1},
	"net/http.ListenAndServeTLS":           {Handler: 3},
	"net/http.Serve":                       {Handler: 1},
	"net/http.ServeTLS":                    {Handler: 1},
	"(*net/http.Server).ListenAndServe":    {Handler: -1, ServerField: true},
	"(*net/http.Server).ListenAndServeTLS": {Handler: -1, ServerField: true},
	"(*net/http.Server).Serve":             {Handler: -1, ServerField: true},
	"(*net/http.Server).ServeTLS":          {Handler: -1, ServerField: true},
	"(*" + Gin + ".Engine).Run":            {Handler: -1},
	"(*" + Gin + ".Engine).RunTLS":         {Handler: -1},
	"(*" + Gin + ".Engine).RunUnix":        {Handler: -1},
	"(*" + Gin + ".Engine).RunFd":          {Handler: -1},
	"(*" + Gin + ".Engine).RunListener":    {Handler: -1},
	"(*" + Echo4 + ".Echo).Start":          {Handler: -1},
	"(*" + Echo4 + ".Echo).StartTLS":       {Handler: -1},
	"(*" + Echo4 + ".Echo).StartAutoTLS":   {Handler: -1},
	"(*" + Echo4 + ".Echo).StartH2CServer": {Handler: -1},
	"(*" + Echo4 + ".Echo).StartServer":    {Handler: -1},
}

// GRPCNewServer constructs a gRPC server.
const GRPCNewServer = GRPC + ".NewServer"

// GRPCServe serves a gRPC server on a listener.
const GRPCServe = "(*" + GRPC + ".Server).Serve"

// GRPCServerOptions wrap interceptors or stats handlers into a server
// option; their arguments are checked for instrumentation.
var GRPCServerOptions = map[string]bool{
	GRPC + ".StatsHandler":           true,
	GRPC + ".UnaryInterceptor":       true,
	GRPC + ".StreamInterceptor":      true,
	GRPC + ".ChainUnaryInterceptor":  true,
	GRPC + ".ChainStreamInterceptor": true,
}
