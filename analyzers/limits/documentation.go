package limits

import "github.com/perfvet/perfvet/analyzers/internal/lint"

// Documentation is the analyzer's structured documentation, its entry in
// the registry (analyzers/suite.go): perfvet help limits, the SARIF rules
// and the README's analyzer table are derived from it. doc.go is the full
// reference.
var Documentation = lint.Documentation{
	Title: "request bodies, uploads and connection pools with no bound",
	Text: `A request body read whole with no limit is a memory denial of service in
one request: io.ReadAll(r.Body) of a 4 GB POST allocates 4 GB. A multipart
upload parsed with no limit fills the disk. A database/sql pool that is
never given SetMaxOpenConns opens connections without limit until the
database refuses them, and without SetConnMaxLifetime keeps them forever,
across failovers and DNS changes. An http.Transport built for every
outbound call keeps no connection for the next one: each request pays a
new TCP and TLS handshake.`,
	Before: `func create(w http.ResponseWriter, r *http.Request) {
	var in Order
	if err := json.NewDecoder(r.Body).Decode(&in); err != nil { ... }
}`,
	After: `func create(w http.ResponseWriter, r *http.Request) {
	r.Body = http.MaxBytesReader(w, r.Body, 10<<20)
	var in Order
	if err := json.NewDecoder(r.Body).Decode(&in); err != nil { ... }
}`,
	Reports: "request bodies read whole with no limit (`io.ReadAll`, `json`/`xml.NewDecoder`, `io.Copy` from `r.Body`; gin `ShouldBindJSON`/`BindJSON`/`ShouldBind`/`GetRawData`; echo `Bind`) and multipart uploads (`ParseMultipartForm`, `FormFile`, `MultipartReader`; gin/echo `FormFile`/`MultipartForm`) with no `http.MaxBytesReader`/`io.LimitReader` before them and no global limit in the program (`http.MaxBytesHandler`, echo `middleware.BodyLimit`, chi `middleware.RequestSize`, go-pkgz `rest.SizeLimit`, a middleware wrapping `r.Body`, a limiter of the program's own that checks `ContentLength` and wraps the body), two or more body reads (more than three uploads) in one program reported once, at the first read when there are up to three (one fix for all), else where it starts serving, with the reads as related positions; `*sql.DB` pools (database/sql, sqlx, GORM) in a program that serves requests and never calls `SetMaxOpenConns`/`SetConnMaxLifetime`; body limits above `max_body_size`/`max_upload_size`, pool settings above the plan's `pool:` (`SetMaxOpenConns`, `SetMaxIdleConns`, `SetConnMaxLifetime`, `SetConnMaxIdleTime`, pgxpool `MaxConns`/`pool_max_conns`, go-redis `PoolSize`) when your `perfplan.yaml` writes them, and the zeros that mean unlimited; beego bounds every body it serves (`MaxMemory`, `MaxUploadSize`: compared with the plan), SQLite pools and one-off connections closed on return are not the service's pool, and body reads in packages that declare no handler are outbound requests; outbound transports whose connections are not reused: an `http.Transport` (a literal or a `Clone`) built on every call of a request-serving program's function that sends through it and drops it, reported once where it is built (a constructor's, through facts, with its users counted), and a program-built transport of `httputil.NewSingleHostReverseProxy` with `MaxIdleConnsPerHost` at Go's 2; categories `body`, `upload`, `pool`, `keepalive`, `plan`",
	Options: []string{"limits.max_body_size", "limits.max_upload_size", "pool"},
	Categories: []lint.Category{
		{Name: CategoryBody, Text: "a request body read whole with no limit"},
		{Name: CategoryUpload, Text: "a multipart upload parsed with no limit"},
		{Name: CategoryPool, Text: "a database pool never bounded"},
		{Name: CategoryKeepAlive, Text: "an outbound transport whose connections are not reused"},
		{Name: CategoryPlan, Text: "a limit above the plan"},
	},
	Limits: `Body reads in a package that declares no handler are taken to be
outbound requests. A limit is seen in the same function as the read, or as
a global limit anywhere in the program; a limit applied by a proxy in front
or by an unknown wrapper is not seen. Pools are checked per program, not
per pool. A transport is shared once stored in a variable, a field of a
parameter or receiver, a map or a channel, captured by a function literal,
or returned inside a service of the program's own; a transport built per
call but stored that way (a provider built per login that keeps its
client) is not seen. Many calls to one host through a shared transport
with MaxIdleConnsPerHost at 2 are reported only for a single-host reverse
proxy: elsewhere the code does not show one host and concurrency.`,
}
