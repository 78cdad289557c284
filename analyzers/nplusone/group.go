package nplusone

import (
	"fmt"
	"go/ast"
	"go/token"
	"go/types"

	"golang.org/x/tools/go/analysis"

	"github.com/perfvet/perfvet/analyzers/internal/analysisutil"
)

// This file makes one finding per cause. Several round trips in one loop
// body are one N+1, fixed by loading what the loop needs before it: one
// finding at the first, the others related. One helper called once per
// element from many loops of a package is one cause, fixed once by giving
// it a batch variant: one finding at the helper, the loops related.

// maxLoopsPerHelper is the number of loops of one package that may call
// the same helper per element and still be reported one by one; from one
// more, the helper is the cause and is reported once (two loops already
// share the fix: the helper's batch variant).
const maxLoopsPerHelper = 1

// A finding is a site to report, with the round trip it makes.
type finding struct {
	site     site
	reach    *Reach
	category string
	others   []finding // more round trips in the same loop
}

// reportFindings reports the findings one per loop, and the loops that
// call one helper from more than maxLoopsPerHelper places once at the
// helper. It returns the calls reported (the first of each loop).
func (c *checker) reportFindings(found []finding) map[*ast.CallExpr]bool {
	reported := make(map[*ast.CallExpr]bool)
	if c.each {
		for _, f := range found {
			c.reportSite(f.site, f.reach, f.category, nil)
			reported[f.site.call] = true
		}
		return reported
	}
	// One finding per loop: the first round trip, the others related.
	var perLoop []*finding
	byLoop := make(map[*loop]*finding)
	for _, f := range found {
		if first, ok := byLoop[f.site.loop]; ok {
			first.others = append(first.others, f)
			continue
		}
		nf := f
		byLoop[f.site.loop] = &nf
		perLoop = append(perLoop, &nf)
	}
	// One finding per helper called per element from many loops.
	byHelper := make(map[*types.Func][]*finding)
	var helpers []*types.Func
	for _, f := range perLoop {
		if fn := c.helperOf(f); fn != nil {
			if _, ok := byHelper[fn]; !ok {
				helpers = append(helpers, fn)
			}
			byHelper[fn] = append(byHelper[fn], f)
		}
	}
	grouped := make(map[*finding]bool)
	for _, fn := range helpers {
		fs := byHelper[fn]
		if len(fs) <= maxLoopsPerHelper {
			continue
		}
		for _, f := range fs {
			grouped[f] = true
		}
		c.reportHelper(fn, fs)
		reported[fs[0].site.call] = true
	}
	for _, f := range perLoop {
		if grouped[f] {
			continue
		}
		c.reportSite(f.site, f.reach, f.category, f.others)
		reported[f.site.call] = true
	}
	return reported
}

// helperOf returns the function a finding's call runs when that function
// is the program's own (a helper, a repository method, an interface
// method of the program) rather than a library's round trip.
func (c *checker) helperOf(f *finding) *types.Func {
	s := f.site
	if s.arg >= 0 || f.reach.pos == s.call.Lparen {
		return nil // the call is the round trip
	}
	fn := analysisutil.Callee(c.pass.TypesInfo, s.call)
	if fn == nil || fn.Pkg() == nil {
		return nil
	}
	if _, lib := c.roundTrip(fn, c.recvTypeAt(s.call.Lparen, nil), nil, token.NoPos); lib {
		return nil
	}
	return fn.Origin()
}

// reportHelper reports a helper called once per element from many loops
// once: at the helper when this package declares it, otherwise at the
// first loop's call; the loops and the round trip are related.
func (c *checker) reportHelper(fn *types.Func, fs []*finding) {
	first := fs[0]
	write := first.category == CategoryWrite
	r := first.reach
	name := c.displayAt(first.site.call.Lparen, fn)
	_, below := c.subject(first.site, r)
	var b []byte
	b = fmt.Appendf(b, "%s ", name)
	if r.Dynamic {
		b = append(b, "may run "...)
	} else {
		b = append(b, "runs "...)
	}
	b = append(b, article(noun(r, write))...)
	switch {
	case below != "" && r.Posn != "":
		b = fmt.Appendf(b, " (%s in %s)", below, r.Posn)
	case below != "":
		b = fmt.Appendf(b, " (%s)", below)
	}
	b = fmt.Appendf(b, " and is called once per element in %d loops of this package; give it a batch variant that %s and call that before each loop", len(fs), batchVariant(r, write))
	pos, end := first.site.call.Pos(), first.site.call.End()
	local := fn.Pkg() == c.pass.Pkg && fn.Pos().IsValid() && c.inPackage(fn.Pos())
	if local {
		pos, end = fn.Pos(), fn.Pos()+token.Pos(len(fn.Name()))
	}
	var related []analysis.RelatedInformation
	if rel, ok := c.roundTripRelated(first.site, r, write); ok {
		related = append(related, rel)
	}
	var loops []analysis.RelatedInformation
	for _, f := range fs {
		if !local && f == first {
			continue
		}
		loops = append(loops, analysis.RelatedInformation{Pos: f.site.call.Pos(), End: f.site.call.End(), Message: "called once per " + f.site.loop.describe(c.pass.Fset) + " here"})
	}
	related = append(related, analysisutil.BoundedRelated(c.pass.Fset, loops)...)
	c.pass.Report(analysis.Diagnostic{Pos: pos, End: end, Category: first.category, Message: string(b), Related: related})
}

// batchVariant says what a helper's batch variant does.
func batchVariant(r *Reach, write bool) string {
	switch {
	case r.Tx:
		return "runs one transaction for all the elements"
	case write:
		return "writes all the elements in one statement"
	}
	return "loads all the elements in one query (WHERE id = ANY($1), or IN (...))"
}

// inPackage reports whether a position is in one of the package's files.
func (c *checker) inPackage(pos token.Pos) bool {
	for _, f := range c.pass.Files {
		if f.FileStart <= pos && pos <= f.FileEnd {
			return true
		}
	}
	return false
}
