// Package grouped: the findings of one category in one function are one,
// at the first, with the others related and one fix for all, and so are a
// package's calls of one library function with no context, whichever
// functions make them; each function's twin with a single site is
// reported on its own, and a function that does it right is not
// reported.
package grouped

import (
	"context"
	"database/sql"
	"net/http"
)

var db *sql.DB

// serveAll starts two servers with no timeouts: one finding, one fix.
func serveAll(h http.Handler) error {
	public := &http.Server{Addr: ":80", Handler: h} // want `http.Server has no ReadHeaderTimeout or ReadTimeout; .*; and 1 more in serveAll \(related positions\)`
	admin := &http.Server{Addr: ":81", Handler: h}
	go func() { _ = admin.ListenAndServe() }()
	return public.ListenAndServe()
}

// serveOne is serveAll's twin with one server: its own finding.
func serveOne(h http.Handler) error {
	srv := &http.Server{Addr: ":82", Handler: h} // want `http.Server has no ReadHeaderTimeout or ReadTimeout; slow clients`
	return srv.ListenAndServe()
}

// deletePost runs three queries with no context: one finding, whose fix
// passes the request's context to each.
func deletePost(w http.ResponseWriter, r *http.Request) {
	_, _ = db.Exec("DELETE FROM posts WHERE id = $1", 1) // want `\(\*sql.DB\).Exec in a request path has no context, .*; and 2 more in deletePost \(related positions\)`
	_, _ = db.Exec("DELETE FROM likes WHERE post_id = $1", 1)
	_ = db.Ping()
}

// deleteLike is deletePost's twin with one query, of a function no
// other function calls: its own finding.
func deleteLike(w http.ResponseWriter, r *http.Request) {
	_ = db.QueryRow("DELETE FROM likes WHERE id = $1 RETURNING id", 1) // want `\(\*sql.DB\).QueryRow in a request path has no context, so the database query keeps running after the client has gone; use QueryRowContext with the request's context \(r.Context\(\)\)$`
}

// listPosts and listLikes call Query with no context, each once: one
// habit of the package, one finding (writefreely's four handlers calling
// QueryRow on its *sql.DB).
func listPosts(w http.ResponseWriter, r *http.Request) {
	rows, _ := db.Query("SELECT id FROM posts") // want `\(\*sql.DB\).Query in a request path has no context, .*; and 1 more in 2 functions of this package \(related positions\)$`
	_ = rows.Close()
}

func listLikes(w http.ResponseWriter, r *http.Request) {
	rows, _ := db.Query("SELECT id FROM likes")
	_ = rows.Close()
}

// deleteAll passes the request's context: nothing to report.
func deleteAll(w http.ResponseWriter, r *http.Request) {
	_, _ = db.ExecContext(r.Context(), "DELETE FROM posts")
	_, _ = db.ExecContext(r.Context(), "DELETE FROM likes")
}

// mixed: a client and a context-less query are two causes, two findings;
// the requests through http.DefaultClient are one with notify's, in
// another function: one client with a Timeout fixes them all.
func mixed(w http.ResponseWriter, r *http.Request) {
	_, _ = http.Get("https://example.com/a")                 // want `http.Get sends the request through http.DefaultClient, .*; and 2 more in this package \(related positions\)`
	_, _ = db.QueryContext(context.Background(), "SELECT 1") // want `runs a database query with context.Background\(\) in a request path`
	_, _ = http.Get("https://example.com/b")
}

func notify(msg string) {
	_, _ = http.Post("https://example.com/notify", "text/plain", nil)
}

// suppressed: a directive on the first site suppresses it alone; the
// second is reported, on its own.
func suppressed(w http.ResponseWriter, r *http.Request) {
	_, _ = db.Prepare("DELETE FROM a") //perfvet:ignore timeouts the audit table is tiny
	w.WriteHeader(http.StatusNoContent)
	_, _ = db.Prepare("DELETE FROM b") // want `\(\*sql.DB\).Prepare in a request path has no context, so the database query keeps running after the client has gone; use PrepareContext with the request's context \(r.Context\(\)\)$`
}

// A command's Run, a function literal in a package-level declaration:
// its servers are one finding too.
var serveCmd = struct{ Run func(h http.Handler) }{
	Run: func(h http.Handler) {
		a := &http.Server{Addr: ":90", Handler: h} // want `http.Server has no ReadHeaderTimeout or ReadTimeout; .*; and 1 more in serveCmd \(related positions\)`
		go func() { _ = a.ListenAndServe() }()
		b := &http.Server{Addr: ":91", Handler: h}
		_ = b.ListenAndServe()
	},
}

// runner's methods each build a client with no Timeout: one decision
// (one client in a field of the type), one finding (semaphore's JobPool).
type runner struct{ url string }

func (p *runner) register() {
	client := &http.Client{} // want `http.Client has no Timeout; .*; and 1 more in the methods of runner \(related positions\)`
	_, _ = client.Get(p.url + "/register")
}

func (p *runner) poll() {
	client := &http.Client{}
	_, _ = client.Get(p.url + "/jobs")
}

// register and poll as plain functions are two decisions: two findings.
func registerOnce(url string) {
	client := &http.Client{} // want `http.Client has no Timeout; a server that stops answering holds the calling goroutine and its connection forever; set Timeout \(the plan's request_timeout is 30s\)$`
	_, _ = client.Get(url + "/register")
}

func pollOnce(url string) {
	client := &http.Client{} // want `http.Client has no Timeout; a server that stops answering holds the calling goroutine and its connection forever; set Timeout \(the plan's request_timeout is 30s\)$`
	_, _ = client.Get(url + "/jobs")
}
