// Package memorypage: a list built in memory (a directory's listing, not
// rows) is paged by a helper of the program before a query runs per
// element of the page. The page is what the endpoint shows, and a query
// per element of it is the list endpoint's N+1 (alist before aea3ba1). The
// twin walks the whole list built in memory: not reported.
package memorypage

import (
	"context"
	"database/sql"
	"net/http"
	"os"
)

var db *sql.DB

type PageReq struct {
	Page    int
	PerPage int
}

type Obj struct{ Name string }

// listing lists a directory: no rows.
func listing(dir string) []Obj {
	entries, _ := os.ReadDir(dir)
	objs := make([]Obj, 0, len(entries))
	for _, e := range entries {
		objs = append(objs, Obj{Name: e.Name()})
	}
	return objs
}

// pagination cuts one page out of a list held in memory.
func pagination(objs []Obj, req *PageReq) (int, []Obj) {
	start := min((req.Page-1)*req.PerPage, len(objs))
	end := min(start+req.PerPage, len(objs))
	return len(objs), objs[start:end]
}

func labels(ctx context.Context, name string) string {
	var label string
	_ = db.QueryRowContext(ctx, "SELECT label FROM labels WHERE file = $1", name).Scan(&label)
	return label
}

func toResp(ctx context.Context, objs []Obj) []string {
	var out []string
	for _, o := range objs {
		out = append(out, labels(ctx, o.Name)) // want `memorypage.labels runs a query .* once per element of objs`
	}
	return out
}

func toRespAll(ctx context.Context, objs []Obj) []string {
	var out []string
	for _, o := range objs {
		out = append(out, labels(ctx, o.Name))
	}
	return out
}

func list(w http.ResponseWriter, r *http.Request) {
	total, objs := pagination(listing("/srv"), &PageReq{Page: 1, PerPage: 50})
	_ = total
	_ = toResp(r.Context(), objs)
}

// listAll is the twin: the whole listing, built in memory.
func listAll(w http.ResponseWriter, r *http.Request) {
	_ = toRespAll(r.Context(), listing("/srv"))
}

func main() {
	http.HandleFunc("/list", list)
	http.HandleFunc("/all", listAll)
}
