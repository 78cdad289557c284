package engine

import (
	"context"
	"time"

	"golang.org/x/tools/go/packages"

	"github.com/perfvet/perfvet/internal/driver"
)

// Run analyses the packages once, as the perfvet command does, and returns
// the result in the driver's form (the same findings, errors and order as
// driver.Analyze). Unlike go/packages with checker.Analyze, which holds the
// syntax and type information of every package until the end, it streams:
// each package is parsed and type-checked once its dependencies are
// analysed, and drops its syntax and type information as soon as it is
// analysed itself, so that peak memory is about that of the types and facts
// of the whole graph plus the packages in flight.
//
// opts.Batch is implied. onLoad, if set, sees the workspace packages'
// metadata before anything is type-checked (to check their plans); an
// error from it is returned as is.
func Run(opts Options, onLoad func(roots []*packages.Package) error) (*driver.Result, error) {
	opts.Batch = true
	var roots []*packages.Package
	opts.OnLoad = func(r []*packages.Package) error {
		roots = r
		if onLoad != nil {
			return onLoad(r)
		}
		return nil
	}
	v := New(opts)
	start := time.Now()
	ur, err := v.Update(context.Background(), Change{}, nil)
	if err != nil {
		return nil, err
	}

	// The type-checked roots, in go list's order, lead through their
	// Imports to the type-checked dependencies, whose errors are the
	// run's too.
	typed := make([]*packages.Package, 0, len(roots))
	for _, r := range roots {
		n := v.nodes[r.ID]
		switch {
		case n == nil:
		case n.pkg != nil:
			typed = append(typed, n.pkg)
		case n.cache != nil && n.cache.hit != nil:
			// Found in the result cache, not type-checked: it had no
			// errors, nor had any of its dependencies.
			p := *r
			p.Fset, p.Imports = v.fset, nil
			typed = append(typed, &p)
		}
	}
	// checker.Analyze's order: analyzer by analyzer, each over the roots.
	var outcomes []driver.Outcome
	for _, a := range opts.Analyzers {
		for _, r := range roots {
			n := v.nodes[r.ID]
			if n == nil {
				continue
			}
			if act := n.actions[a]; act != nil {
				outcomes = append(outcomes, driver.Outcome{Package: r.ID, Analyzer: a.Name, Err: act.err, Diagnostics: act.diags})
			}
		}
	}
	res := driver.Assemble(typed, outcomes)
	res.Fset = v.fset
	// Fixes need only the metadata (import names).
	res.Packages = roots
	res.Load = ur.Stats.Load
	res.Analyze = time.Since(start) - ur.Stats.Load
	for _, n := range v.nodes {
		for a, act := range n.actions {
			res.Timing[a.Name] += act.duration
		}
	}
	return res, nil
}
