// Package lint is what every perfvet analyzer does around its own logic:
// it finds the package's plan, keeps the analyzer quiet on ignored packages
// and generated files, honours //perfvet:ignore directives (and reports the
// malformed and unused ones), and turns a panic into an error.
package lint

import (
	"fmt"
	"go/ast"
	"path/filepath"
	"runtime/debug"
	"sort"

	"golang.org/x/tools/go/analysis"

	"github.com/perfvet/perfvet/analyzers/internal/analysisutil"
	"github.com/perfvet/perfvet/analyzers/plan"
)

// Analyzers lists the names of perfvet's analyzers, in the order the
// suite runs them. Directives are checked against it.
var Analyzers = []string{"cacheinval", "metrics", "nplusone", "pagesize", "timeouts"}

// A Pass is an analysis.Pass with the package's plan. Its Report (and so
// Reportf and ReportRangef) drops findings in generated files, in ignored
// packages and under a //perfvet:ignore directive.
type Pass struct {
	*analysis.Pass
	Plan *plan.Plan

	// Generated reports whether a file is generated code. Facts are
	// computed for generated code; nothing is reported in it.
	Generated map[*ast.File]bool
}

// A RunFunc is an analyzer's logic.
type RunFunc func(*Pass) (any, error)

// Wrap returns the Run function of the analyzer named name: it resolves the
// plan through plans and calls run with a filtering Pass.
func Wrap(name string, plans plan.Provider, run RunFunc) func(*analysis.Pass) (any, error) {
	return func(pass *analysis.Pass) (result any, err error) {
		defer func() {
			if r := recover(); r != nil {
				result = nil
				err = fmt.Errorf("internal error: %s panicked on package %s: %v\n%s\nplease report this at https://github.com/perfvet/perfvet/issues", name, pkgPath(pass), r, debug.Stack())
			}
		}()
		p, err := planFor(pass, plans)
		if err != nil {
			return nil, err
		}
		lp := &Pass{Pass: pass, Plan: p, Generated: make(map[*ast.File]bool)}
		for _, f := range pass.Files {
			if analysisutil.IsGenerated(f) {
				lp.Generated[f] = true
			}
		}
		ignored := pass.Pkg != nil && p.Ignored(pass.Pkg.Path())
		dirs := parseDirectives(pass, lp.Generated)

		report := pass.Report
		defer func() { pass.Report = report }()
		var diags []analysis.Diagnostic
		pass.Report = func(d analysis.Diagnostic) {
			if ignored || lp.inGenerated(d) {
				return
			}
			if dirs.suppress(pass.Fset, name, d) {
				return
			}
			diags = append(diags, d)
		}
		result, err = run(lp)
		if ignored {
			return result, err
		}
		if err == nil {
			// An unused directive is only meaningful when the analysis
			// finished: a failed run may have stopped before its finding.
			diags = append(diags, dirs.problems(name)...)
		}
		sort.SliceStable(diags, func(i, j int) bool { return diags[i].Pos < diags[j].Pos })
		for _, d := range diags {
			report(d)
		}
		return result, err
	}
}

func (p *Pass) inGenerated(d analysis.Diagnostic) bool {
	if len(p.Generated) == 0 {
		return false
	}
	for f := range p.Generated {
		if f.FileStart <= d.Pos && d.Pos <= f.FileEnd {
			return true
		}
	}
	return false
}

// planFor finds the plan for the package, from the directory of its first
// source file (through //line directives, so cgo files count as their
// originals).
func planFor(pass *analysis.Pass, plans plan.Provider) (*plan.Plan, error) {
	if plans == nil {
		return plan.Default(), nil
	}
	dir := ""
	for _, f := range pass.Files {
		if name := pass.Fset.Position(f.Package).Filename; name != "" {
			dir = filepath.Dir(name)
			break
		}
	}
	p, err := plans.PlanFor(dir)
	if err != nil {
		return nil, err
	}
	if p == nil {
		return plan.Default(), nil
	}
	return p, nil
}

func pkgPath(pass *analysis.Pass) string {
	if pass.Pkg == nil {
		return "?"
	}
	return pass.Pkg.Path()
}
