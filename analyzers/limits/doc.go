// Package limits defines an Analyzer that reports request bodies, uploads
// and database connection pools with no bound, outbound transports whose
// connections are not reused, and bounds larger than the optimization
// plan allows.
//
// # Analyzer limits
//
// limits: request bodies, uploads and connection pools with no bound
//
// A request body read whole with no limit is a memory denial of service in
// one request: io.ReadAll(r.Body) of a 4 GB POST allocates 4 GB. A
// multipart upload parsed with no limit fills the disk. A database/sql pool
// that is never given SetMaxOpenConns opens connections without limit until
// the database refuses them, and without SetConnMaxLifetime keeps them
// forever, across failovers and DNS changes: that is how a traffic spike
// becomes an outage.
//
// limits reports:
//
//   - a request body read whole (io.ReadAll, json/xml.NewDecoder, io.Copy
//     from r.Body; gin's ShouldBindJSON, BindJSON, ShouldBind, GetRawData;
//     echo's Bind) with no http.MaxBytesReader or io.LimitReader on that
//     request's body before it in the same function, in a program that
//     limits no body globally (http.MaxBytesHandler, echo's
//     middleware.BodyLimit, chi's middleware.RequestSize, go-pkgz/rest's
//     SizeLimit (tg-spam's router, judged false when reported),
//     gin-contrib/size's RequestSizeLimiter (chartmuseum's engine, 2
//     findings judged false when reported), or a middleware
//     that wraps r.Body in http.MaxBytesReader): at the read, with the
//     plan's max_body_size in the message (category body);
//   - a multipart upload parsed with no limit (ParseMultipartForm,
//     FormFile, MultipartReader; gin's and echo's FormFile and
//     MultipartForm), likewise, with the plan's max_upload_size (upload);
//   - a *sql.DB (opened by database/sql, sqlx or GORM) in a program that
//     serves requests, when the program never calls SetMaxOpenConns or
//     SetConnMaxLifetime on a pool: at the open call (pool). Not a SQLite
//     database (a constant driver name "sqlite3", "sqlite", "libsql" or one
//     a program registers with "sqlite" in it, as navidrome's
//     "sqlite3_custom"; or GORM's SQLite dialector, also returned by a
//     helper of the package whose every return is one, as nezha's
//     openSQLiteDialector; or a driver name that is not a constant in a
//     package whose only database/sql drivers, among its imports and
//     theirs, are SQLite's and that registers no other: pagoda's
//     sql.Open(cfg.Driver, ...) beside its one blank import of
//     mattn/go-sqlite3, judged false): a file in the
//     process, whose pool does not load a server (ntfy's user database,
//     judged false). Not a GORM open over a connection opened before it
//     (every dialector it may be given is a driver's New(Config{Conn:
//     db}), a constructor returning gorm.Dialector, or SQLite's): it opens
//     no pool, and the one handed in is
//     reported where it is opened, if it is database/sql's (pocket-id
//     hands GORM a pgxpool, bounded by pgx's MaxConns; so does bitmagnet,
//     declaring the dialector with := in a lazy value's literal: judged
//     false when reported). Not a one-off
//     connection: a pool the function uses only through its own methods,
//     whether it closes it or drops it (casdoor's and semaphore's CREATE
//     DATABASE at start-up, judged false); nor a pool it closes on
//     return (defer db.Close(), or in a deferred function literal) and
//     hands to other calls, when no server can start from the function
//     (none of its calls reaches a server start, in the package or in a
//     package that starts servers): homebox's reset-password command hands
//     its pool to an ent driver for one migration, and goalert's
//     set-config command to its config store in a struct literal
//     (config.StoreConfig{DB: db}), both judged false. A pool
//     it also stores, returns or uses in another function literal, or
//     hands on where a server can start, is the service's;
//   - an outbound http.Transport built on every call (keepalive): a
//     transport literal or a Clone (of http.DefaultTransport or another)
//     in a function that sends a request through it (a send such as
//     client.Do, a method of a value that holds it, or a helper of its
//     package handed it) and then drops it. Each call pays a new TCP and
//     TLS handshake, and each transport's idle connections (with their
//     goroutines) stay open until the server closes them. A function that
//     returns the client it built (woodpecker's newClientToken, a
//     library's client such as gitea's or gitlab's over it) passes this on
//     to its callers through a fact, and the finding is at the build, once,
//     naming the first function that uses it per call and counting the
//     others. Reported in programs that serve requests, as pools are. Not
//     reported: a transport stored where it outlives the call (a package
//     variable, a field of a parameter or receiver, a map, a channel), one
//     captured by a function literal (a handler registered with it) or
//     handed to a goroutine, one a loop sends through that it was built
//     outside of (a worker's), one with DisableKeepAlives, one whose
//     every request asks for its connection to be closed (req.Close =
//     true: syncthing's UPnP SOAP calls, judged false when reported) or
//     whose idle connections are closed (CloseIdleConnections): a
//     connection per request on purpose; one built in main or init, or in a function
//     the program runs only as it starts: one that every reference to
//     is a direct call, outside any loop, from main, an init function,
//     a command's run or another such function (scrutiny's InfluxDB
//     set-up check, called by a store's constructor that its server's
//     set-up calls; portainer's ping of the first environment, from
//     main's InitEndpoint: judged false when reported), decided where
//     the program is seen whole, from the calls each package hands on
//     in its fact (a function used as a value, called through an
//     interface, or in a loop may run any number of times); a client returned
//     inside a service of the program's own (a struct of its module that
//     holds a client-holding struct: built to be kept); and a constructor's
//     client used by a function that takes no request or context (a
//     warm-up, a command's run); nor one built only on a branch the call's
//     own values choose, an if (or an early return before the build
//     that serves the call another way, returning no error: crowdsec's
//     createTransport, for Unix-socket URLs only; a guard that rejects a
//     bad URL is no such branch) testing a
//     parameter or local and no field
//     of the receiver nor package variable (1Panel's wget when the admin
//     asks to skip the certificate check, gin-vue-admin's request helper
//     for an event stream: judged false), while a branch on the receiver's
//     configuration (woodpecker's if c.skipVerify) is taken on every call
//     once set and stays reported;
//   - a transport the program builds for a single-host reverse proxy
//     (the Transport of httputil.NewSingleHostReverseProxy's result) with
//     MaxIdleConnsPerHost left at Go's default of 2: every request goes to
//     that one host, and beyond two at a time each opens a connection and
//     closes it after (keepalive);
//   - a body limit above max_body_size (max_upload_size where the same
//     function parses a multipart form), a pool setting above the plan's
//     pool: (SetMaxOpenConns, SetMaxIdleConns, SetConnMaxLifetime,
//     SetConnMaxIdleTime, pgxpool MaxConns, go-redis PoolSize), and the
//     zero that means "unlimited" (SetMaxOpenConns(0),
//     SetConnMaxLifetime(0)): at the constant (plan), except on a pool
//     the same function opened as SQLite's (autobrr's one connection
//     kept forever: no failover or DNS change to outlive; judged false
//     when reported). A value above the
//     plan is reported only against a number the plan file writes (its
//     limits.max_body_size, pool.max_open, ...): with the embedded default
//     plan, or a plan file that leaves the key to the default, a deliberate
//     limit (goatcounter's 500MB CSV import, memos' 256MB gateway for
//     attachments) is the team's decision, not a defect (both such
//     findings on 17 services were judged false). The zeros are reported
//     whatever the plan;
//   - beego: its router bounds the body of every request it serves that
//     is not a GET or HEAD before a filter or controller runs (MaxMemory,
//     64MB by default, with CopyRequestBody or not; MaxUploadSize, 1GB, for
//     multipart uploads), so reads of a beego context's request
//     (ctx.Request.Body, c.Ctx.Request.FormFile) are bounded and not
//     reported (casdoor: 5 findings judged false). beego's bound is checked
//     against the plan instead: BConfig.MaxMemory or MaxUploadSize set to a
//     constant above a size the plan file writes, at the constant; a
//     package that runs beego (web.Run) and sets neither, once, at the
//     Run, when the plan file writes a max_body_size below beego's 64MB.
//
// One cause, one finding: when a program has more than one unlimited body
// read (or more than three uploads), the fix is one limit where it
// serves, not an edit per handler, so they are reported once. Two or
// three are reported at the first read (by file and line), with the others
// as related positions and one suggested fix that limits each (answer's
// two gin binders, semaphore's three reads, each judged one cause); more
// are reported at the server start (in a main package whose server
// starts in a package of its own, at the call of that package's function:
// gotify's 14 gin reads became one finding at runner.Run), with the reads
// as related positions. Under go vet, where another package's read has no
// position in the main package's run, a group is reported at the server
// start. When no server start is seen (a main package that does not
// type-check, so the call that starts the server is unknown: navidrome
// without its build tags), more than three reads are reported once, at
// the first read, with the others related.
// A single read, and up to three uploads (an upload's bound is a route's
// own: an import is not an avatar), are reported at each read, but the
// reads of one function are one finding at the first (opengist's upload
// handler parses the form, then takes its file: one upload).
//
// A limiter of the program's own counts as a global limit: a function
// that compares a request's ContentLength with a bound, replaces that
// request's Body by a struct that wraps the body it replaces
// (r.Body = &limitedReader{ReadCloser: r.Body, limit: n}), and reads no
// body itself (pocketbase's applyBodyLimit, which its default BodyLimit
// middleware runs on every route: 6 findings judged false). Where the
// limiter is bound (every route or some) is not checked, as for a
// middleware calling http.MaxBytesReader. A wrapper with no
// ContentLength check (a byte counter) is not a limit.
//
// A function that calls http.MaxBytesReader and reads no body itself is a
// middleware's step, and counts as a global limit, unless it hands the
// request (*http.Request, *gin.Context, echo.Context) as an argument to a
// function of the program: then it is a route's own limiter (gokapi's
// processNewChunk, which bounds its upload routes and calls the chunk
// reader of another package), whose bound covers the reads of the
// functions it hands the request to, in any package of the program (the
// program fact names them), and not the program's other routes. Passing
// the request on through an interface or a function value
// (next.ServeHTTP(w, r), next(w, r), c.Next()) is a middleware's. Known
// limit: a middleware that both hands the request to a function of the
// program and on to the next handler is taken for a route's own limiter
// (mailpit's middleWareFunc asks its CORS test about the request: 1
// finding judged false), because where a middleware is installed is not
// checked, and navidrome's Subsonic middleware, whose error path hands
// the request to sendError, bounds the Subsonic routes only (its other
// routes' reads stay reported, judged true).
//
// A pool opened with a driver name held in a variable that the package
// registers a SQLite driver under (sql.Register(Driver,
// &sqlite3.SQLiteDriver{...}), a type of github.com/mattn/go-sqlite3,
// modernc.org/sqlite or github.com/glebarez/go-sqlite) is a SQLite file,
// as a constant SQLite driver name is (navidrome's Driver = Dialect +
// "_custom"). A registration in another package than the open is not
// seen.
//
// A main package of a program that starts no server (a command, a job)
// is not reported on. Nor is one whose only servers are internal, as the
// timeouts and metrics analyzers tell them (analyzers/internal/serverrole):
// an http.Server or http.ListenAndServe on a loopback address (a CLI that
// receives a token from the user's own browser on 127.0.0.1), or served on
// a loopback listener, also one an unexported field holds, on a
// listener whose port the program reads back to hand on, or one that
// serves only metrics or profiling handlers. Its bodies come from the
// operator, not from the public the plan's limits protect.
//
// Body reads and pool opens are decided where the program is seen whole:
// in a main package or a package that starts a server, from the facts of
// every package it imports. A handler package is therefore reported when
// its program is analysed, not alone; the finding sits at the read.
// Known limit: a package that starts a server decides for every read of
// the packages it imports, also for a handler its server never serves
// (goalert's remote monitor imports the config store, whose handler only
// the main server registers behind a global limit: 1 finding judged
// false). Telling which handlers a server serves needs the handlers
// called through interfaces too (oapi-codegen's generated routers call
// every handler through one): a first rule that required a reference to
// the handler lost two true findings (hatchet, pagoda).
//
// Bad:
//
//	func create(w http.ResponseWriter, r *http.Request) {
//		var in Order
//		if err := json.NewDecoder(r.Body).Decode(&in); err != nil { ... }
//	}
//
// Fixed:
//
//	func create(w http.ResponseWriter, r *http.Request) {
//		r.Body = http.MaxBytesReader(w, r.Body, 10<<20)
//		var in Order
//		if err := json.NewDecoder(r.Body).Decode(&in); err != nil { ... }
//	}
//
// and for a transport built on every call:
//
//	func fetch(ctx context.Context, url string) (*http.Response, error) {
//		client := &http.Client{Transport: &http.Transport{Proxy: nil}}
//		...
//		return client.Do(req)
//	}
//
// Fixed: one transport, built once:
//
//	var transport = &http.Transport{Proxy: nil, MaxIdleConnsPerHost: 16}
//
//	func fetch(ctx context.Context, url string) (*http.Response, error) {
//		client := &http.Client{Transport: transport}
//		...
//	}
//
// and for a pool:
//
//	db, err := sql.Open("pgx", dsn)
//	db.SetMaxOpenConns(25)
//	db.SetConnMaxLifetime(30 * time.Minute)
//
// # Suggested fixes
//
// An unlimited body read (or upload) on net/http gets
// r.Body = http.MaxBytesReader(w, r.Body, <size>) as the first statement of
// the function that reads it (perfvet -fix), with the plan's
// max_body_size, or max_upload_size when the function parses a multipart
// form; a handler that reads twice gets one limit. The fix is offered
// only when the request and exactly one http.ResponseWriter are named
// parameters of that function: a helper given only the request, a request
// the function made (req.WithContext), reads through gin or echo (their
// limit belongs in a middleware) and reads that the program reports at
// its server start (more than three body reads, or reported by another package's
// main) get none.
//
// # Options
//
// The plan's limits.max_body_size (10MB), limits.max_upload_size (100MB)
// and pool: (max_open 100, max_idle 100, conn_max_lifetime 1h,
// conn_max_idle_time 30m); a zero turns its comparison off. -limits.tests
// reports in test code too. -limits.persite reports each unlimited read at
// its own position instead of one finding for the reads that share a fix
// (the golangci-lint plugins set it: golangci-lint filters findings by
// position, and a //nolint on a group's first read would silence them
// all).
//
// # Findings
//
// Categories: body, upload, pool, keepalive, plan.
//
// # Limits
//
// A read of an *http.Request's body in a package that declares no
// handler (no function taking an http.ResponseWriter, a *gin.Context, an
// echo.Context or a beego context) is taken to read a request the program
// builds to send (navidrome's HTTP cache key, casdoor's Azure request
// signature: judged false) and is not reported; a request-decoding
// helper in a shared package without handlers is therefore not seen
// either. Nor are the reads of a package that serves a one-off setup
// wizard (package serverrole's Setup: one of its handlers exits the
// process or shuts its server down once the administrator has completed
// the setup; gokapi's first-run setup, judged false twice), which serves
// the administrator who installs the service, not its users. Only reads of a request's Body field (or a framework context's
// body) are followed; a body handed to a helper that reads it is reported at the
// helper's read when the helper receives the request. A limit is seen in
// the same function as the read, or as a global limit anywhere in the
// program; a limit applied by a middleware perfvet does not know (a
// reverse proxy in front, a custom wrapper type) is not seen: suppress
// with //perfvet:ignore limits and say where the limit is. Pools are
// checked per program, not per pool: a program that configures one pool
// counts as configuring all. The opens in the cases of one switch, one
// per driver the configuration chooses (alist's MySQL and Postgres), are
// one pool and one finding, at the first, naming the others; so are the
// opens assigned to one package variable, in functions of their own
// (opengist's setupPostgres and setupMySQL), and the opens of the
// constructors that a switch's cases call, one per case (athens'
// getIndex: mysql.New or postgres.New, in packages of their own). pgx pools are reported only above the plan
// (pgxpool's default MaxConns is bounded). Under go vet, which analyses one
// package at a time, a read or an open in another package than the one
// that starts the server is reported at the server start, naming its
// position. A bound set in beego's app.conf (maxmemory) is not seen: the
// Run is then reported against the default; suppress it there. beego
// bounds neither GET nor HEAD bodies, which perfvet does not tell apart.
//
// Outbound keep-alive through a shared transport (one built once and used
// for many concurrent requests to one host, with MaxIdleConnsPerHost at
// Go's 2) is reported only for a single-host reverse proxy. On the 17
// services of bench/realworld, 25 files build an http.Transport and 3 set
// MaxIdleConnsPerHost; none of the other shared transports serves many
// concurrent requests to one host (feed and webhook fetchers, OAuth and
// forge clients reach many hosts or few requests at once), and that the
// requests go to one host, more than two at a time, is not visible in the
// code. A transport built per call is found only when its function sends
// through it: one handed to a library that sends later (an oauth2 context
// value) is not. A constructor of a provider built per request that keeps
// its client in a field (casdoor's identity providers) looks like a
// service's constructor and is not reported.
package limits
