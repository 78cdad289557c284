// Package timeouts defines an Analyzer that reports network and database
// work with no bound in time, and bounds longer than the plan allows.
//
// # Analyzer timeouts
//
// timeouts: report network and database work with no time bound
//
// Work with no timeout is work that can wait forever. A server that stops
// answering holds the calling goroutine and its connection until the
// process restarts; a slow client holds a server connection open for as long
// as it likes (Slowloris); a query that outlives its request keeps a pooled
// connection busy after nobody waits for the answer. Under load these leaks
// exhaust goroutines, file descriptors and connection pools, and one stuck
// peer takes the whole service down.
//
// The analyzer reports, matching APIs by type:
//
//   - an http.Client created with no Timeout and never given one in the
//     function that creates it (c.Timeout = d after the literal counts);
//     new(http.Client) likewise;
//   - http.Get, http.Head, http.Post, http.PostForm and uses of
//     http.DefaultClient, which has no timeout, unless the package sets
//     http.DefaultClient.Timeout, or (for DefaultClient.Do) the request's
//     context has a deadline made in the same function:
//     context.WithTimeout, then http.NewRequestWithContext, then Do;
//   - an http.Server with neither ReadHeaderTimeout nor ReadTimeout
//     (fields set after the literal count); http.ListenAndServe,
//     ListenAndServeTLS, Serve and ServeTLS, which cannot set timeouts;
//     gin's Engine.Run, RunTLS, RunUnix, RunFd and RunListener, which call
//     them; echo's Start and StartH2CServer on an echo.New() whose e.Server
//     gets no ReadTimeout or ReadHeaderTimeout before the call, and its
//     StartTLS and StartAutoTLS, which serve e.TLSServer, likewise;
//   - net.Dial and tls.Dial (but not on a "unix", "unixgram" or
//     "unixpacket" network: a local socket connects or fails at once), and Dial or tls.DialWithDialer on a
//     net.Dialer literal with neither Timeout nor Deadline;
//   - in a request path (a function taking http.ResponseWriter and
//     *http.Request, a gin handler taking *gin.Context, an echo handler
//     taking echo.Context, and function literals inside them): database,
//     Redis and outbound HTTP calls that pass context.Background() or
//     context.TODO() (directly, in a variable, or wrapped by WithValue or
//     WithCancel), and the context-less variants (db.Query, db.Exec,
//     db.QueryRow, db.Ping, db.Begin, sqlx's Get and Select, http.NewRequest,
//     client.Get); the work then keeps running after the client has gone.
//     Passing r.Context() is fine: no deadline is demanded of the request's
//     context. Through helpers, across packages: a handler that calls
//     repo.Get(context.Background(), id), where repo.Get passes its context
//     to QueryContext, is reported at the handler's call, as is a handler
//     calling a helper that queries with no context at all;
//   - against the plan: a constant http.Client Timeout, http.Server
//     ReadTimeout, ReadHeaderTimeout or WriteTimeout, or context.WithTimeout
//     or WithDeadline(time.Now().Add(d)) duration longer than
//     limits.request_timeout; a WithTimeout or WithDeadline whose context
//     reaches a database query (in the function, or through a helper) with
//     a duration longer than limits.query_timeout. These are reported at the
//     duration;
//   - go-redis Options (and Cluster, Universal, Ring and Failover options,
//     v8 and v9) whose ReadTimeout or WriteTimeout is negative, which
//     disables the socket timeout.
//
// Example. This handler's query has no context, and the client has no
// timeout:
//
//	var client = &http.Client{}
//
//	func listUsers(w http.ResponseWriter, r *http.Request) {
//		rows, err := db.Query("SELECT id, name FROM users LIMIT 50")
//		...
//		resp, err := client.Get(avatarURL)
//
// Fixed:
//
//	var client = &http.Client{Timeout: 5 * time.Second}
//
//	func listUsers(w http.ResponseWriter, r *http.Request) {
//		rows, err := db.QueryContext(r.Context(), "SELECT id, name FROM users LIMIT 50")
//		...
//		req, err := http.NewRequestWithContext(r.Context(), http.MethodGet, avatarURL, nil)
//		resp, err := client.Do(req)
//
// Suggested fixes (perfvet -fix) replace context.Background() and
// context.TODO() in a request path with the request's context, and rewrite a
// context-less call into its Context variant.
//
// # Options
//
// The analyzer reads limits.request_timeout and limits.query_timeout from
// the plan (perfplan.yaml; by default 30s and 10s). A zero limit turns its
// check off.
//
// -timeouts.tests (default false) also reports findings in test code:
// _test.go files and test helper packages (named *test, *testing or
// *testutil, as httptest). Test code dials local servers and serves without
// timeouts on purpose; it is analysed for facts but, by default, not
// reported on.
//
// # Findings
//
// Each finding has a category: client (clients and dials), server (HTTP
// servers), request (work in a request path that outlives the request),
// plan (bounds longer than the plan allows), disabled (library timeouts
// turned off).
//
// # Limits
//
// The analyzer answers flow questions within one function, with SSA: a
// Timeout set on a client in another function, or a client or server
// passed to a function that may configure it, is assumed to be set. A
// client stored in a struct field and configured later through the field is
// reported at its literal. A context made in a caller and passed down is
// assumed to be the request's. Calls through interfaces of your own (a
// Store interface whose implementation queries) are not followed; calls to
// library interfaces (redis.Cmdable, redis.UniversalClient) are. Work
// started with a go statement is deliberately detached and is not reported.
// A function that takes a context and still uses context.Background inside
// is taken to do so on purpose. Durations are checked when they are
// constants. On a package that does not type-check, only the rules that need
// no flow analysis run.
//
// Suppress a finding with //perfvet:ignore timeouts <reason> on its line or
// the line above.
package timeouts
