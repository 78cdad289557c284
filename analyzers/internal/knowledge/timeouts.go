package knowledge

// DefaultClientFuncs are the net/http package functions that send a
// request through http.DefaultClient, which has no timeout.
var DefaultClientFuncs = map[string]bool{
	"net/http.Get":      true,
	"net/http.Head":     true,
	"net/http.Post":     true,
	"net/http.PostForm": true,
}

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

// UnboundedDials are the dial functions that have no timeout.
var UnboundedDials = map[string]string{
	"net.Dial":        "net.DialTimeout, or a net.Dialer with Timeout",
	"crypto/tls.Dial": "tls.DialWithDialer with a net.Dialer that sets Timeout, or a tls.Dialer",
}

// ContextFree maps the context-less variants of database and HTTP calls to
// the name of the variant that takes a context. In a request path they let
// the work outlive the request.
var ContextFree = map[string]string{
	"(*database/sql.DB).Query":      "QueryContext",
	"(*database/sql.DB).QueryRow":   "QueryRowContext",
	"(*database/sql.DB).Exec":       "ExecContext",
	"(*database/sql.DB).Ping":       "PingContext",
	"(*database/sql.DB).Prepare":    "PrepareContext",
	"(*database/sql.DB).Begin":      "BeginTx",
	"(*database/sql.Tx).Query":      "QueryContext",
	"(*database/sql.Tx).QueryRow":   "QueryRowContext",
	"(*database/sql.Tx).Exec":       "ExecContext",
	"(*database/sql.Tx).Prepare":    "PrepareContext",
	"(*database/sql.Tx).Stmt":       "StmtContext",
	"(*database/sql.Stmt).Query":    "QueryContext",
	"(*database/sql.Stmt).QueryRow": "QueryRowContext",
	"(*database/sql.Stmt).Exec":     "ExecContext",

	"(*github.com/jmoiron/sqlx.DB).Get":          "GetContext",
	"(*github.com/jmoiron/sqlx.DB).Select":       "SelectContext",
	"(*github.com/jmoiron/sqlx.DB).Queryx":       "QueryxContext",
	"(*github.com/jmoiron/sqlx.DB).QueryRowx":    "QueryRowxContext",
	"(*github.com/jmoiron/sqlx.DB).NamedExec":    "NamedExecContext",
	"(*github.com/jmoiron/sqlx.DB).NamedQuery":   "NamedQueryContext",
	"(*github.com/jmoiron/sqlx.DB).MustExec":     "MustExecContext",
	"(*github.com/jmoiron/sqlx.DB).Preparex":     "PreparexContext",
	"(*github.com/jmoiron/sqlx.DB).PrepareNamed": "PrepareNamedContext",
	"(*github.com/jmoiron/sqlx.DB).Beginx":       "BeginTxx",
	"(*github.com/jmoiron/sqlx.DB).MustBegin":    "MustBeginTx",
	"(*github.com/jmoiron/sqlx.Tx).Get":          "GetContext",
	"(*github.com/jmoiron/sqlx.Tx).Select":       "SelectContext",
	"(*github.com/jmoiron/sqlx.Tx).Queryx":       "QueryxContext",
	"(*github.com/jmoiron/sqlx.Tx).QueryRowx":    "QueryRowxContext",
	"(*github.com/jmoiron/sqlx.Tx).NamedExec":    "NamedExecContext",
	"(*github.com/jmoiron/sqlx.Tx).MustExec":     "MustExecContext",
	"(*github.com/jmoiron/sqlx.Tx).Preparex":     "PreparexContext",
	"(*github.com/jmoiron/sqlx.Tx).PrepareNamed": "PrepareNamedContext",

	// sqlx's package-level helpers take a Queryer or Execer; their Context
	// variants take the context first and a QueryerContext.
	"github.com/jmoiron/sqlx.Get":        "GetContext",
	"github.com/jmoiron/sqlx.Select":     "SelectContext",
	"github.com/jmoiron/sqlx.MustExec":   "MustExecContext",
	"github.com/jmoiron/sqlx.NamedExec":  "NamedExecContext",
	"github.com/jmoiron/sqlx.NamedQuery": "NamedQueryContext",
	"github.com/jmoiron/sqlx.Preparex":   "PreparexContext",

	"net/http.NewRequest":         "NewRequestWithContext",
	"(*net/http.Client).Get":      "Do with http.NewRequestWithContext",
	"(*net/http.Client).Head":     "Do with http.NewRequestWithContext",
	"(*net/http.Client).Post":     "Do with http.NewRequestWithContext",
	"(*net/http.Client).PostForm": "Do with http.NewRequestWithContext",
}

// ContextDerivations are the context functions whose first result is
// derived from their first argument without adding a deadline.
var ContextDerivations = map[string]bool{
	"context.WithValue":       true,
	"context.WithCancel":      true,
	"context.WithCancelCause": true,
}

// ContextDeadlines are the context functions that add a deadline, with the
// index of the argument that sets it and whether it is a time.Duration
// (WithTimeout) or a time.Time (WithDeadline).
var ContextDeadlines = map[string]struct {
	Arg      int
	Duration bool
}{
	"context.WithTimeout":       {1, true},
	"context.WithTimeoutCause":  {1, true},
	"context.WithDeadline":      {1, false},
	"context.WithDeadlineCause": {1, false},
}

// ContextRoots are the functions that return a context with no deadline and
// no cancellation.
var ContextRoots = map[string]bool{
	"context.Background": true,
	"context.TODO":       true,
}

// RedisOptions are go-redis option types whose ReadTimeout and
// WriteTimeout a negative value disables (-1: block forever, -2: never set
// a deadline).
var RedisOptions = map[string]bool{
	"github.com/redis/go-redis/v9.Options":          true,
	"github.com/redis/go-redis/v9.ClusterOptions":   true,
	"github.com/redis/go-redis/v9.UniversalOptions": true,
	"github.com/redis/go-redis/v9.RingOptions":      true,
	"github.com/redis/go-redis/v9.FailoverOptions":  true,
	"github.com/go-redis/redis/v8.Options":          true,
	"github.com/go-redis/redis/v8.ClusterOptions":   true,
	"github.com/go-redis/redis/v8.UniversalOptions": true,
	"github.com/go-redis/redis/v8.RingOptions":      true,
	"github.com/go-redis/redis/v8.FailoverOptions":  true,
}

// Handler kinds: how a function receives an HTTP request.
const (
	HandlerNone = iota
	HandlerNetHTTP
	HandlerGin
	HandlerEcho
)

// GinContext and EchoContext are the request types of gin and echo
// handlers.
const (
	GinContext  = "github.com/gin-gonic/gin.Context"
	EchoContext = "github.com/labstack/echo/v4.Context"
)
