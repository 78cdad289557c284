package nplusone_test

import (
	"testing"

	"golang.org/x/tools/go/analysis/analysistest"

	"github.com/perfvet/perfvet/analyzers/internal/analyzertest"
	"github.com/perfvet/perfvet/analyzers/nplusone"
)

// defaultConfig is the configuration of the catalogue fixtures: they list
// many APIs in one loop, each with its own expectation, so they report
// every round trip (-each), and they loop over reads with no page
// (-unpaged). TestOnePerCause checks the default grouping, TestPaged the
// default pages.
func defaultConfig() nplusone.Config {
	return nplusone.Config{Plans: analyzertest.DefaultPlan(), Writes: true, Each: true, Unpaged: true}
}

func TestNPlusOne(t *testing.T) {
	a := nplusone.New(defaultConfig())
	analyzertest.Run(t, analysistest.TestData(), a, "direct", "helper", "store", "api", "ports", "pg", "memstore", "handlers", "each", "closures", "goroutines", "iterators", "gormlib", "sqlxlib", "pgxlib", "bunlib", "redislib", "memcachelib", "xormlib", "gorplib", "beegolib", "dataloaderlib", "entuser", "sqlcuser", "namesakes", "poplib", "loaded")
}

func TestPlanQueries(t *testing.T) {
	p := analyzertest.InlinePlan(t, "queries:\n  - \"(*legacy.Client).Fetch*\"\n  - \"(legacy.Source).Lookup\"\n")
	a := nplusone.New(nplusone.Config{Plans: p, Writes: true, Each: true})
	analyzertest.Run(t, analysistest.TestData(), a, "planuser")
}

func TestWritesOff(t *testing.T) {
	a := analyzertest.WithFlag(t, nplusone.New(defaultConfig()), "writes", "false")
	analyzertest.Run(t, analysistest.TestData(), a, "writesoff")
}

func TestIllTyped(t *testing.T) {
	analysistest.Run(t, analysistest.TestData(), nplusone.New(defaultConfig()), "broken")
}

func TestTestFiles(t *testing.T) {
	analyzertest.Run(t, analysistest.TestData(), nplusone.New(defaultConfig()), "testfiles")
}

// TestOffPath checks the loops that are not request work. It reports
// loops over any collection (-anycollection), so that each negative is
// left alone for being off the request path, not for its collection.
func TestOffPath(t *testing.T) {
	cfg := defaultConfig()
	cfg.AnyCollection = true
	analyzertest.Run(t, analysistest.TestData(), nplusone.New(cfg), "offpath", "offpath/migrations", "offpath/kongcli", "cli")
}

// TestBackground reports the loops that are not request work too.
func TestBackground(t *testing.T) {
	cfg := defaultConfig()
	cfg.Background = true
	cfg.AnyCollection = true // ticks and jobs are no lists of rows
	analyzertest.Run(t, analysistest.TestData(), nplusone.New(cfg), "background")
}

// TestOnePerCause checks the default: one finding per loop, and one per
// helper called once per element from many loops.
func TestOnePerCause(t *testing.T) {
	cfg := defaultConfig()
	cfg.Each = false
	analyzertest.Run(t, analysistest.TestData(), nplusone.New(cfg), "causes", "batched")
}

// TestMemo checks memoised lookups: reported when keyed by the element,
// and, with -memo, when keyed by a field of it.
func TestMemo(t *testing.T) {
	analyzertest.Run(t, analysistest.TestData(), nplusone.New(defaultConfig()), "memo", "cacheaside", "cacheaside/mount", "cacheaside/mountuser", "loader/cache", "loader")
	cfg := defaultConfig()
	cfg.Memo = true
	analyzertest.Run(t, analysistest.TestData(), nplusone.New(cfg), "memoall")
}

// TestBulk checks that a bulk inserter's Values is no round trip.
func TestBulk(t *testing.T) {
	analyzertest.Run(t, analysistest.TestData(), nplusone.New(defaultConfig()), "bulk")
}

// TestJobs checks scheduled and background jobs.
func TestJobs(t *testing.T) {
	analyzertest.Run(t, analysistest.TestData(), nplusone.New(defaultConfig()), "jobs", "jobs/cron")
}

// TestSources checks the default: only loops over a list are reported
// (the rows of a multi-row read, a list handed to an exported function,
// request input); -anycollection reports loops over any collection.
func TestSources(t *testing.T) {
	cfg := defaultConfig()
	analyzertest.Run(t, analysistest.TestData(), nplusone.New(cfg), "sources")
	cfg.AnyCollection = true
	analyzertest.Run(t, analysistest.TestData(), nplusone.New(cfg), "anycoll")
}

// TestMinMax runs the running minimum/maximum idiom of Go 1.21 (issue 20).
func TestMinMax(t *testing.T) {
	analyzertest.Run(t, analysistest.TestData(), nplusone.New(defaultConfig()), "minmax")
}

// TestPaged checks the default: loops over a page of rows are reported,
// loops over every row a read selects (the children of one parent) only
// with -unpaged.
func TestPaged(t *testing.T) {
	cfg := defaultConfig()
	cfg.Unpaged = false
	analyzertest.Run(t, analysistest.TestData(), nplusone.New(cfg), "paged", "pagedstore", "pagedapi", "memorypage", "dirwalk", "pagedopts/q", "pagedopts")
	cfg.Unpaged = true
	analyzertest.Run(t, analysistest.TestData(), nplusone.New(cfg), "unpaged")
}
