package nplusone_test

import (
	"go/ast"
	"go/token"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"testing"

	"golang.org/x/tools/go/analysis/analysistest"

	"github.com/perfvet/perfvet/analyzers/internal/analyzertest"
	"github.com/perfvet/perfvet/analyzers/nplusone"
)

// posnInMessage finds the round trip's place a message names:
// "(... in store/store.go:21)".
var posnInMessage = regexp.MustCompile(` in (\w+/[\w.]+\.go):(\d+)\)`)

// TestRelated checks the related positions of every finding on the
// fixtures (analysistest checks messages only): the last one is the loop,
// at the for, range or per-element call that encloses the finding; and a
// round trip the message places in a file is pointed at, at that line, or,
// when the line is in another file than the called function (a call
// through an interface), at the called function with the place named.
func TestRelated(t *testing.T) {
	results := analyzertest.Results(t, analysistest.TestData(), nplusone.New(defaultConfig()), fixturePackages...)
	findings, atLine := 0, 0
	for _, r := range results {
		if r.Pass == nil {
			continue
		}
		fset := r.Pass.Fset
		for _, d := range r.Diagnostics {
			findings++
			where := fset.Position(d.Pos)
			if len(d.Related) == 0 {
				t.Errorf("%s: no related positions: %s", where, d.Message)
				continue
			}
			if strings.Contains(d.Message, " loops of this package") {
				// One helper called from many loops: the loops are
				// related, each at its call.
				for _, rel := range d.Related {
					if strings.HasPrefix(rel.Message, "called once per ") && !enclosingLoopCall(r.Pass.Files, rel.Pos) {
						t.Errorf("%s: related %s is not a call in a loop", where, fset.Position(rel.Pos))
					}
				}
				continue
			}
			loop := d.Related[len(d.Related)-1]
			if !strings.HasPrefix(loop.Message, "once per ") || !enclosingLoopAt(r.Pass.Files, loop.Pos, d.End) {
				t.Errorf("%s: the last related position (%s %q) is not the loop around the finding", where, fset.Position(loop.Pos), loop.Message)
			}
			m := posnInMessage.FindStringSubmatch(d.Message)
			if m == nil {
				continue
			}
			line, _ := strconv.Atoi(m[2])
			found := false
			for _, rel := range d.Related[:len(d.Related)-1] {
				p := fset.Position(rel.Pos)
				switch {
				case strings.HasSuffix(filepath.ToSlash(p.Filename), "/"+m[1]) && p.Line == line && strings.HasSuffix(rel.Message, " runs here"):
					found = true
					atLine++
				case strings.HasSuffix(rel.Message, " runs in "+m[1]+":"+m[2]) && strings.Contains(d.Message, " may run "):
					found = true // through an interface: the line is in the implementation's file
				}
			}
			if !found {
				t.Errorf("%s: no related position at %s:%d, where the message places the round trip: %+v", where, m[1], line, d.Related)
			}
		}
	}
	if findings == 0 || atLine == 0 {
		t.Fatalf("%d findings, %d with the round trip's line related: the fixtures or the analyzer changed", findings, atLine)
	}
	t.Logf("%d findings; %d point at the round trip's line in a called function", findings, atLine)
}

// enclosingLoopAt reports whether a for or range statement, or a call
// (of a function that calls its argument per element), starts at pos and
// encloses end.
func enclosingLoopAt(files []*ast.File, pos, end token.Pos) bool {
	found := false
	for _, f := range files {
		ast.Inspect(f, func(n ast.Node) bool {
			if found || n == nil || n.Pos() > pos || n.End() < end {
				return false
			}
			switch n.(type) {
			case *ast.ForStmt, *ast.RangeStmt, *ast.CallExpr:
				found = n.Pos() == pos
			}
			return !found
		})
	}
	return found
}

// enclosingLoopCall reports whether a call starts at pos inside the body
// of a for or range statement.
func enclosingLoopCall(files []*ast.File, pos token.Pos) bool {
	found := false
	for _, f := range files {
		ast.Inspect(f, func(n ast.Node) bool {
			if found || n == nil || n.Pos() > pos || n.End() <= pos {
				return false
			}
			switch n := n.(type) {
			case *ast.ForStmt:
				found = n.Body.Pos() <= pos
			case *ast.RangeStmt:
				found = n.Body.Pos() <= pos
			}
			return !found
		})
	}
	return found
}
