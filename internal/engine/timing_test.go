package engine_test

import (
	"os"
	"path/filepath"
	"reflect"
	"testing"
	"time"

	"golang.org/x/tools/go/analysis"

	"github.com/perfvet/perfvet/internal/engine"
)

// lazy defers its work until another analyzer asks for it, as ssabuild's
// SSA form does; its build is said to take an hour.
type lazy struct{ took time.Duration }

func (l *lazy) build()                   { l.took = time.Hour }
func (l *lazy) BuildTime() time.Duration { return l.took }

// TestLazyTiming: the time of a result's lazy work counts for the analyzer
// whose result it is, not for the one whose question triggered it (the
// first flow-based analyzer to ask for a package's SSA used to be charged
// for building it).
func TestLazyTiming(t *testing.T) {
	t.Parallel()
	dir := t.TempDir()
	for name, data := range map[string]string{
		"go.mod": "module example.com/lazy\n\ngo 1.26.0\n",
		"a.go":   "package lazy\n\nfunc F() {}\n",
	} {
		if err := os.WriteFile(filepath.Join(dir, name), []byte(data), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	provider := &analysis.Analyzer{
		Name:       "provider",
		Doc:        "defers its work",
		Run:        func(*analysis.Pass) (any, error) { return new(lazy), nil },
		ResultType: reflect.TypeFor[*lazy](),
	}
	asker := &analysis.Analyzer{
		Name:     "asker",
		Doc:      "asks for the provider's work",
		Requires: []*analysis.Analyzer{provider},
		Run: func(pass *analysis.Pass) (any, error) {
			pass.ResultOf[provider].(*lazy).build()
			return nil, nil
		},
	}
	res, err := engine.Run(engine.Options{Dir: dir, Env: testEnv, Analyzers: []*analysis.Analyzer{asker}}, nil)
	if err != nil {
		t.Fatal(err)
	}
	if got := res.Timing["provider"]; got < time.Hour {
		t.Errorf("provider's time %v, want its lazy build's hour in it", got)
	}
	if got := res.Timing["asker"]; got >= time.Hour || got < 0 {
		t.Errorf("asker's time %v, want its own run only", got)
	}
}
