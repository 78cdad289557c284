package nplusone_test

import (
	"testing"

	"github.com/perfvet/perfvet/analyzers/internal/analyzertest"
	"github.com/perfvet/perfvet/analyzers/internal/knowledge"
	"github.com/perfvet/perfvet/analyzers/nplusone"
)

// TestRealLibraries runs the analyzer on the module of fixtures written
// against the real libraries (database/sql, sqlx, pgx v5 and v4, GORM,
// bun, ent with its generated code, sqlc-style generated code, gorp,
// go-redis v9 and v8, gomemcache), so that a change in a library's API
// cannot pass unnoticed.
func TestRealLibraries(t *testing.T) {
	dir := analyzertest.Module(t)
	// The generated packages (ent, sqlc) are analysed as dependencies, for
	// their facts; the test checks what reaches the packages that use them.
	results := analyzertest.Run(t, dir, nplusone.New(defaultConfig()), "./nplusone", "./nplusone/store")
	if len(results) != 2 {
		t.Errorf("analysed %d packages of %s, want the nplusone package and its store", len(results), dir)
	}
}

// TestRealLibrariesScanners checks dispatch through a row-scanning
// interface that squirrel's builders also satisfy: only the library types
// the program converts to an interface are its implementations.
func TestRealLibrariesScanners(t *testing.T) {
	analyzertest.Run(t, analyzertest.Module(t), nplusone.New(defaultConfig()), "./nplusone/scanners", "./nplusone/scanners/perelement")
}

// TestRealLibrariesPaged checks the default on the real libraries: loops
// over a page (GORM's and bun's Limit, LIMIT in database/sql's text) are
// reported, loops over every row a filter selects only with -unpaged.
func TestRealLibrariesPaged(t *testing.T) {
	cfg := defaultConfig()
	cfg.Unpaged = false
	analyzertest.Run(t, analyzertest.Module(t), nplusone.New(cfg), "./nplusone/paged")
}

// TestRealLibrariesWritesOff checks the default that leaves bulk writes
// out on the real libraries: a check-then-delete per element through the
// program's own interface over xorm's engine and session is a bulk
// write; a check alone is reported.
func TestRealLibrariesWritesOff(t *testing.T) {
	cfg := defaultConfig()
	cfg.Writes = false
	analyzertest.Run(t, analyzertest.Module(t), nplusone.New(cfg), "./nplusone/writesoff")
}

// TestRealLibrariesAPI checks -api on GitLab's client-go: a request per
// project of a page is reported, a loop that reads what the list
// returned is not, and a delete per hook is a write (reported only with
// -writes).
func TestRealLibrariesAPI(t *testing.T) {
	cfg := defaultConfig()
	cfg.Writes = false
	cfg.API = true
	analyzertest.Run(t, analyzertest.Module(t), nplusone.New(cfg), "./nplusone/api")
}

// TestKnowledgeNames checks the knowledge tables' names against the real
// libraries: every function, method or interface method a table lists for
// a library of the fixture module must exist there, so that a typo or an
// API change cannot leave a table entry that silently matches nothing.
func TestKnowledgeNames(t *testing.T) {
	libs := []string{
		"database/sql", "database/sql/driver", "github.com/jmoiron/sqlx",
		"github.com/jackc/pgx/v5", "github.com/jackc/pgx/v5/pgxpool", "github.com/jackc/pgx/v4", "github.com/jackc/pgx/v4/pgxpool",
		"gorm.io/gorm", "github.com/uptrace/bun", "entgo.io/ent", "entgo.io/ent/dialect", "entgo.io/ent/dialect/sql",
		"entgo.io/ent/dialect/sql/sqlgraph", "github.com/go-gorp/gorp/v3",
		"github.com/redis/go-redis/v9", "github.com/go-redis/redis/v8", "github.com/bradfitz/gomemcache/memcache",
		"github.com/aws/aws-sdk-go-v2/service/dynamodb",
		"golang.org/x/sync/errgroup", "bufio", "slices", "maps", "sort", "sync", "path/filepath", "io/fs", "encoding/json",
	}
	names := knowledge.RoundTripNames()
	for n := range knowledge.Callbacks {
		names = append(names, n)
	}
	for n := range knowledge.Iterators {
		names = append(names, n)
	}
	for n := range knowledge.ResultSetNext {
		names = append(names, n)
	}
	for n := range knowledge.Batchers {
		names = append(names, n)
	}
	for n := range knowledge.SeqSources {
		names = append(names, n)
	}
	// xorm and beego are libraries the fixture module does not use.
	loaded := analyzertest.RequireDeclared(t, analyzertest.Module(t), libs, names, 300)
	for _, ref := range knowledge.Implementations {
		if p := loaded[ref.Pkg]; p != nil && p.Scope().Lookup(ref.Name) == nil {
			t.Errorf("knowledge.Implementations names %s.%s, which does not exist", ref.Pkg, ref.Name)
		}
	}
}
