package cacheinval

import (
	"fmt"
	"go/ast"
	"go/token"
	"go/types"
	"sort"
	"strings"

	"golang.org/x/tools/go/analysis"

	"github.com/perfvet/perfvet/analyzers/internal/analysisutil"
	"github.com/perfvet/perfvet/analyzers/internal/reach"
)

// One change, one finding. A function that changes a table without
// dropping a family may be called from many places; each call is a path
// to the same missing delete, which is fixed once, in that function. The
// calls of a package that reach one change are one finding: at the
// change itself when its package sees the family (the model package of
// one-api fills user_quota:* and changes users, and every handler that
// calls it was a finding of its own), with the calls as related
// positions; otherwise at the first call, with the others related. The
// drivers that see the program whole merge the findings of several
// packages at one change (internal/driver), and under go vet, where the
// change's file is not known, a package reports at its first call.

// A staleGroup is the calls of this package that reach one change.
type staleGroup struct {
	pos, end token.Pos // where it is reported
	atChange bool      // at the change, in another function
	msg      string    // the message, without the count of paths
	calls    []ast.Node
	callers  []string // the function each call is in
	callees  []string // the function each call calls
	related  []analysis.RelatedInformation
}

// addStale records a finding of judgeMut: the change pm, reached through
// call, with the rest of the message and its related positions.
func (c *checker) addStale(pm pendingMut, call ast.Node, rest string, related []analysis.RelatedInformation) {
	via := pm.Via != "" && pm.instr.Pos() != token.NoPos && c.posn(pm.instr.Pos()) != pm.Posn
	key := pm.Posn + "|" + pm.Table + "|" + rest
	g := c.stale[key]
	if g == nil {
		g = &staleGroup{pos: call.Pos(), end: call.End()}
		what := fmt.Sprintf("%s of %s", pm.Verb, pm.Table)
		if via {
			what = fmt.Sprintf("%s of %s (%s, at %s)", pm.Verb, pm.Table, pm.Via, pm.Posn)
			if pos, end, ok := c.changeSite(pm); ok {
				g.pos, g.end, g.atChange = pos, end, true
				what = fmt.Sprintf("%s of %s in %s", pm.Verb, pm.Table, pm.Func)
			}
		}
		g.msg = what + rest
		g.related = related
		if c.stale == nil {
			c.stale = make(map[string]*staleGroup)
		}
		c.stale[key] = g
		c.stales = append(c.stales, key)
	}
	g.calls = append(g.calls, call)
	g.callers = append(g.callers, analysisutil.Display(outermost(c.cur).Object().(*types.Func)))
	callee, _, _ := strings.Cut(pm.Via, " → ")
	g.callees = append(g.callees, callee)
}

// changeSite returns where a change made by a function of another
// function is, when that function's package sees a family caching the
// table and this driver knows its file.
func (c *checker) changeSite(pm pendingMut) (token.Pos, token.Pos, bool) {
	if !pm.Owned || pm.Site.File == "" {
		return token.NoPos, token.NoPos, false
	}
	if c.files == nil {
		c.files = reach.NewFiles(c.pass.Fset)
	}
	return c.files.Pos(pm.Site)
}

// reportStale reports each group once.
func (c *checker) reportStale() {
	for _, key := range c.stales {
		g := c.stale[key]
		related := g.related
		msg := g.msg
		paths := make([]analysis.RelatedInformation, 0, len(g.calls))
		for i, call := range g.calls {
			if !g.atChange && i == 0 {
				continue // the finding's own position
			}
			paths = append(paths, analysis.RelatedInformation{Pos: call.Pos(), End: call.End(), Message: fmt.Sprintf("path: %s calls %s", g.callers[i], g.callees[i])})
		}
		sort.SliceStable(paths, func(i, j int) bool { return paths[i].Pos < paths[j].Pos })
		switch {
		case g.atChange:
			msg += "; " + analysisutil.ReachPhrase(len(g.calls), "path")
		case len(g.calls) > 1:
			msg += fmt.Sprintf("; and %d more %s to the same change (related positions)", len(g.calls)-1, plural2(len(g.calls)-1, "path", "paths"))
		}
		related = append(paths, related...)
		c.pass.Report(analysis.Diagnostic{Pos: g.pos, End: g.end, Category: CategoryStale, Message: msg, Related: analysisutil.BoundedRelated(c.pass.Fset, related)})
	}
	c.stale, c.stales = nil, nil
}
