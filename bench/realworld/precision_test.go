package main

import (
	"os"
	"path/filepath"
	"testing"
)

// TestReportedRows: -run keeps the judged rows whose finding the run
// reports (file:line relative to the service's directory, and analyzer),
// and drops the others and those of services the run did not cover.
func TestReportedRows(t *testing.T) {
	out := t.TempDir()
	write := func(name, data string) {
		t.Helper()
		if err := os.WriteFile(filepath.Join(out, name), []byte(data), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	write("svc.meta", `{"name": "svc", "dir": "/src/svc"}`)
	write("svc.json", `{"example.com/svc/store": {"nplusone": [
		{"category": "read", "posn": "/src/svc/store/a.go:10:2", "message": "m"}
	]}}`)
	tab := &table{rows: []map[string]string{
		{"service": "svc", "file:line": "store/a.go:10", "analyzer": "nplusone"},
		{"service": "svc", "file:line": "store/a.go:10", "analyzer": "timeouts"},
		{"service": "svc", "file:line": "store/a.go:11", "analyzer": "nplusone"},
		{"service": "other", "file:line": "store/a.go:10", "analyzer": "nplusone"},
	}}
	kept, err := reportedRows(tab, out)
	if err != nil {
		t.Fatal(err)
	}
	if len(kept) != 1 || kept[0]["analyzer"] != "nplusone" || kept[0]["service"] != "svc" {
		t.Errorf("kept %v, want only the svc nplusone row at store/a.go:10", kept)
	}
}
