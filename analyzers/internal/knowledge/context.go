package knowledge

// This file describes package context (the roots, derivations and
// deadlines internal/flow and timeouts trace a context through) and the
// context-free variants of database and HTTP calls that timeouts reports
// in a request path.

// Context is the context package's path.
const Context = "context"

// ContextRoots are the functions that return a context with no deadline and
// no cancellation.
var ContextRoots = map[string]bool{
	"context.Background": true,
	"context.TODO":       true,
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

// ContextFree maps the context-less variants of database and HTTP calls to
// the name of the variant that takes a context. In a request path they let
// the work outlive the request.
var ContextFree = buildTable(contextFreeSQL, contextFreeHTTP)

// ConnectionContexts are the packages of ORMs whose connection carries
// the caller's context: pop's Connection.WithContext(ctx) wraps its store
// so that every query of the copy runs under ctx, through the same
// methods (First, All, Load) a connection made without one runs with no
// context. The context-free calls inside them are the connection's
// choice, which the calls do not show; timeouts does not report them
// (supabase auth makes every connection with a request's context: its
// queries were judged false when reported).
var ConnectionContexts = map[string]bool{
	"github.com/gobuffalo/pop/v6": true,
	"github.com/ory/pop/v6":       true,
}

// RetryFuncs are the retry helpers that call an operation until it
// succeeds or their policy gives up (cenkalti/backoff v4's; v5 and
// avast/retry-go are not in the table yet), by full name, mapped to the index of
// the operation among the call's arguments. The policy's bound (backoff's
// MaxElapsedTime, retry-go's Attempts) is checked between attempts only.
var RetryFuncs = map[string]int{
	"github.com/cenkalti/backoff/v4.Retry":               0,
	"github.com/cenkalti/backoff/v4.RetryNotify":         0,
	"github.com/cenkalti/backoff/v4.RetryWithData":       0,
	"github.com/cenkalti/backoff/v4.RetryNotifyWithData": 0,
}

// Pings are the connection checks of database/sql: a ping with no
// deadline waits as long as the server takes to answer.
var Pings = map[string]int{
	"(*database/sql.DB).Ping":        -1,
	"(*database/sql.DB).PingContext": 0,
}
