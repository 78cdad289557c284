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
