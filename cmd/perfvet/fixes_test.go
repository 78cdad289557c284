package main_test

import (
	"bytes"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// fixall has one finding of each rule with a mechanical fix that needs
// only the standard library: a client with no Timeout in a file that
// does not import time, a server with no read timeouts, an unclamped page
// size, and a handler that reads its body twice with no limit (one limit
// for both reads).
const fixall = `package main

import (
	"database/sql"
	"encoding/json"
	"io"
	"net/http"
	"strconv"
)

var db *sql.DB

var client = &http.Client{}

type order struct{ ID int }

func list(w http.ResponseWriter, r *http.Request) {
	limit, _ := strconv.Atoi(r.URL.Query().Get("limit"))
	rows, err := db.QueryContext(r.Context(), "SELECT id FROM orders ORDER BY id LIMIT $1", limit)
	if err == nil {
		_ = rows.Close()
	}
}

func create(w http.ResponseWriter, r *http.Request) {
	var o order
	if err := json.NewDecoder(r.Body).Decode(&o); err != nil {
		http.Error(w, err.Error(), http.StatusBadRequest)
		return
	}
	rest, _ := io.ReadAll(r.Body)
	_, _ = w.Write(rest)
}

func main() {
	http.HandleFunc("/orders", list)
	http.HandleFunc("/orders/new", create)
	srv := &http.Server{Addr: ":8080"}
	_ = srv.ListenAndServe()
	_ = client
}
`

// TestFixEveryRule applies the fixes of timeouts, pagesize and limits with
// -fix, then builds the result and runs perfvet again: the fixed rules
// report nothing, and the code compiles.
func TestFixEveryRule(t *testing.T) {
	t.Parallel()
	dir := writeModule(t, "example.com/fixall", fixall)
	before := perfvet(t, dir, "./...")
	for _, want := range []string{"http.Client has no Timeout", "http.Server has no ReadHeaderTimeout", "page size from query parameter", "json.NewDecoder reads the request body", "io.ReadAll reads the request body"} {
		if !strings.Contains(before.Stdout, want) {
			t.Errorf("before -fix, no finding %q:\n%s", want, before.Stdout)
		}
	}
	// Four fixes: the handler's two unlimited reads are one finding (the
	// second a related position) whose one fix limits the body once.
	r := perfvet(t, dir, "-fix", "./...")
	if !strings.Contains(r.Stderr, "applied 4 fix(es) in 1 file(s)") || strings.Contains(r.Stderr, "skipped") {
		t.Errorf("-fix: stderr:\n%s", r.Stderr)
	}
	fixed, err := os.ReadFile(filepath.Join(dir, "main.go"))
	if err != nil {
		t.Fatal(err)
	}
	for _, want := range []string{
		"\t\"time\"\n",
		"var client = &http.Client{Timeout: 30 * time.Second}",
		"srv := &http.Server{Addr: \":8080\", ReadHeaderTimeout: 30 * time.Second, ReadTimeout: 30 * time.Second}",
		"\tif limit > 100 {\n\t\tlimit = 100\n\t}\n",
		"func create(w http.ResponseWriter, r *http.Request) {\n\tr.Body = http.MaxBytesReader(w, r.Body, 10<<20)\n\tvar o order",
	} {
		if !bytes.Contains(fixed, []byte(want)) {
			t.Errorf("fixed file lacks %q:\n%s", want, fixed)
		}
	}
	if n := bytes.Count(fixed, []byte("MaxBytesReader")); n != 1 {
		t.Errorf("the handler's two reads want one body limit, got %d:\n%s", n, fixed)
	}
	if b := runIn(t, dir, "go", "build", "./..."); b.Code != 0 {
		t.Errorf("fixed code does not build:\n%s", b.Stderr)
	}
	after := perfvet(t, dir, "./...")
	for _, gone := range []string{"(timeouts)", "(pagesize)", "(limits)"} {
		if strings.Contains(after.Stdout, gone) {
			t.Errorf("a fixed rule still reports after -fix:\n%s", after.Stdout)
		}
	}
}

// writeModule writes a module of one main.go to a temporary directory.
func writeModule(t *testing.T, path, main string) string {
	t.Helper()
	dir := t.TempDir()
	files := map[string]string{
		"go.mod":  "module " + path + "\n\ngo 1.26.0\n",
		"main.go": main,
	}
	for name, content := range files {
		if err := os.WriteFile(filepath.Join(dir, name), []byte(content), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	return dir
}
