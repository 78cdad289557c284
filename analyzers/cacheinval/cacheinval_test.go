package cacheinval_test

import (
	"testing"

	"golang.org/x/tools/go/analysis/analysistest"

	"github.com/perfvet/perfvet/analyzers/cacheinval"
	"github.com/perfvet/perfvet/analyzers/internal/analyzertest"
)

func defaultPlan() cacheinval.Config {
	return cacheinval.Config{Plans: analyzertest.DefaultPlan()}
}

func TestCacheinval(t *testing.T) {
	analyzertest.Run(t, analysistest.TestData(), cacheinval.New(defaultPlan()),
		"redisrules", "keys", "keyshapes", "shop/store", "shop/cache", "shop/service", "shop/api",
		"stale", "fillguard", "fillguardtwin", "warnset", "warnset/admin", "warnsettwin", "gormlib", "bunlib", "memcachelib", "ristrettolib", "gocachelib", "lrulib", "bigcachelib", "freecachelib", "wrappers", "redisv8", "rueidislib",
		"lcwlib", "kvredis", "kvcounter", "chatstate", "onefamily", "onefamily/more", "liveshapes", "partialdel")
}

// TestTTLFixes: the plan's TTL for the family written where a write says
// "no expiry" (a constant, or an Item or SetArgs literal without the
// field), in the parameter's unit, with the time import added; no fix for
// a TTL in a variable or where time is shadowed.
func TestTTLFixes(t *testing.T) {
	analyzertest.RunWithFixes(t, analysistest.TestData(), cacheinval.New(defaultPlan()), "ttlfixes")
}

// TestInterface checks writes through the program's own cache interface,
// resolved to the implementation the package sees.
func TestInterface(t *testing.T) {
	analyzertest.Run(t, analysistest.TestData(), cacheinval.New(defaultPlan()), "ifacecache/cache", "ifacecache/svc")
}

func TestIllTyped(t *testing.T) {
	analysistest.Run(t, analysistest.TestData(), cacheinval.New(defaultPlan()), "broken")
}

// TestPlanInvalidate runs with a plan whose cache.invalidate links the
// products table to two families.
func TestPlanInvalidate(t *testing.T) {
	p := analyzertest.InlinePlan(t, "cache:\n  invalidate:\n    - table: products\n      keys: [\"product:*\", \"products:list:*\"]\n")
	analyzertest.Run(t, analysistest.TestData(), cacheinval.New(cacheinval.Config{Plans: p}), "planinval")
}

// TestOneFindingPerCause checks the related positions of the findings
// that stand for many sites: a family written with no expiry from three
// places, and a key-value wrapper called from three.
func TestOneFindingPerCause(t *testing.T) {
	results := analyzertest.Results(t, analysistest.TestData(), cacheinval.New(defaultPlan()), "onefamily", "kvredis")
	want := map[string]int{"onefamily": 2, "kvredis": 3}
	for _, r := range results {
		pkg := r.Action.Package.PkgPath
		if len(r.Diagnostics) != 1 {
			t.Errorf("%s: %d findings, want 1", pkg, len(r.Diagnostics))
			continue
		}
		if got := len(r.Diagnostics[0].Related); got != want[pkg] {
			t.Errorf("%s: %d related positions, want %d: %v", pkg, got, want[pkg], r.Diagnostics[0].Related)
		}
		delete(want, pkg)
	}
	for pkg := range want {
		t.Errorf("%s was not analysed", pkg)
	}
}

// TestWholeProgram: a write with no TTL through cache.Cache, whose
// implementation (wholecache/rediscache) only main imports, is reported
// by main at the service's call (internal/reach), once per family; the
// write with a TTL and the one through an implementation that sets its
// own TTL are not.
func TestWholeProgram(t *testing.T) {
	analyzertest.WholeProgram(t, cacheinval.New(defaultPlan()), "wholecache/cmd/server")
}

// TestStaleAtChange: changes that a model function makes, reached from
// several packages, are reported once each at the change, with the calls
// as paths, when the model's package fills the family itself.
func TestStaleAtChange(t *testing.T) {
	analyzertest.WholeProgram(t, cacheinval.New(defaultPlan()), "quota/server")
}

// TestMinMax runs the running minimum/maximum idiom of Go 1.21 (issue 20).
func TestMinMax(t *testing.T) {
	analyzertest.Run(t, analysistest.TestData(), cacheinval.New(defaultPlan()), "minmax")
}
