package cacheinval_test

import (
	"strings"
	"testing"

	"github.com/perfvet/perfvet/analyzers/cacheinval"
	"github.com/perfvet/perfvet/analyzers/internal/analyzertest"
	"github.com/perfvet/perfvet/analyzers/internal/knowledge"
)

// TestRealLibraries runs the analyzer on the module of fixtures written
// against the real libraries (go-redis v9 and v8, rueidis, gomemcache,
// ristretto v2, golang-lru v2 expirable, go-cache, bigcache v3, GORM,
// database/sql), so that a change in a library's API cannot pass
// unnoticed.
func TestRealLibraries(t *testing.T) {
	t.Run("maps off", testMapsOff)
	dir := analyzertest.Module(t)
	// inproc's maps guarded by a mutex are caches only with -maps.
	cfg := defaultPlan()
	cfg.Maps = true
	results := analyzertest.Run(t, dir, cacheinval.New(cfg), "./cacheinval/...")
	if len(results) < 3 {
		t.Errorf("analysed %d packages of %s, want cacheinval, store and catalog", len(results), dir)
	}
}

// TestTablesNameRealAPIs checks that every in-process cache call the
// knowledge tables list is declared by the real library (go-pkgz/lcw,
// which the module proxy here refuses, is checked against its stub by
// TestCacheinval only).
func TestTablesNameRealAPIs(t *testing.T) {
	all := knowledge.CacheOpNames()
	for name := range knowledge.CacheWindows {
		all = append(all, name)
	}
	analyzertest.RequireDeclared(t, analyzertest.Module(t), []string{knowledge.Memcache, knowledge.Ristretto2, knowledge.GoCache,
		knowledge.LRUExpiring, knowledge.LRU2, knowledge.BigCache3, knowledge.FreeCache, knowledge.GCache, knowledge.TTLCache3, "sync"}, all, 40)
}

// testMapsOff: without -maps, a map guarded by a mutex is not a cache, so
// a change to its table is not reported as leaving it stale.
func testMapsOff(t *testing.T) {
	results := analyzertest.Results(t, analyzertest.Module(t), cacheinval.New(defaultPlan()), "./cacheinval/inproc")
	for _, r := range results {
		for _, d := range r.Diagnostics {
			if strings.Contains(d.Message, "Groups.cache") || strings.Contains(d.Message, "MemKV.m") {
				t.Errorf("a mutex-guarded map was taken for a cache without -maps: %s", d.Message)
			}
		}
	}
}
