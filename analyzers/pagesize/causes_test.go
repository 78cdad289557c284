package pagesize_test

import (
	"fmt"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/analysis/analysistest"

	"github.com/perfvet/perfvet/analyzers/internal/analyzertest"
	"github.com/perfvet/perfvet/analyzers/pagesize"
)

// recorder is an analysistest.Testing that keeps the errors for the test
// to sort: a finding a package reports at a read in another package (the
// cause) cannot carry a // want comment, since analysistest reads those
// only from the package's own files.
type recorder struct{ errs []string }

func (r *recorder) Errorf(format string, args ...any) {
	r.errs = append(r.errs, fmt.Sprintf(format, args...))
}

// A cause is a finding expected at a read in another package, reported
// from the package under test, with the request paths' calls (file:line)
// as related positions.
type cause struct {
	posn    string // file:line:col of the read
	message string // a regexp
	related []string
}

// runWithCauses runs analysistest on pkgs and checks that the only
// findings without a // want are the causes, with their related
// positions.
func runWithCauses(t *testing.T, dir string, a *analysis.Analyzer, causes []cause, pkgs ...string) []*analysistest.Result {
	t.Helper()
	rec := &recorder{}
	results := analysistest.Run(rec, dir, a, pkgs...)
	unexpected := regexp.MustCompile(`^(\S+): unexpected diagnostic: (.*)$`)
	found := make(map[int]bool)
	for _, e := range rec.errs {
		m := unexpected.FindStringSubmatch(e)
		matched := false
		for i, c := range causes {
			if m != nil && strings.HasSuffix(m[1], c.posn) && regexp.MustCompile(c.message).MatchString(m[2]) && !found[i] {
				found[i], matched = true, true
				break
			}
		}
		if !matched {
			t.Error(e)
		}
	}
	for i, c := range causes {
		if !found[i] {
			t.Errorf("no finding at the cause %s matching %q", c.posn, c.message)
			continue
		}
		// The related positions of the cause's finding.
		var got []string
		for _, r := range results {
			for _, d := range r.Diagnostics {
				p := r.Action.Package.Fset.Position(d.Pos)
				if !strings.HasSuffix(fmt.Sprintf("%s:%d:%d", p.Filename, p.Line, p.Column), c.posn) {
					continue
				}
				for _, rel := range d.Related {
					rp := r.Action.Package.Fset.Position(rel.Pos)
					got = append(got, fmt.Sprintf("%s:%d", filepath.Base(rp.Filename), rp.Line))
				}
			}
		}
		if strings.Join(got, " ") != strings.Join(c.related, " ") {
			t.Errorf("cause %s: related %v, want %v", c.posn, got, c.related)
		}
	}
	return results
}

// TestRootCause: a whole-table read in a helper of another package that
// request paths reach is reported once, at the read, with the request
// paths' calls as related positions; a helper of the package with several
// callers, at its read too.
func TestRootCause(t *testing.T) {
	results := runWithCauses(t, analysistest.TestData(), pagesize.New(defaultConfig()), []cause{{
		posn:    "repo/repo.go:14:1",
		message: `^\(\*sql.DB\).QueryContext reads every row of categories \(no LIMIT\) at repo/repo.go:14, and request paths reach it; every request loads the whole result into memory`,
		related: []string{"reads.go:74", "reads.go:99"},
	}}, "reads", "readsmore")
	analyzertest.RequireWellTyped(t, results)
}
