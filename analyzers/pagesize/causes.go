package pagesize

import (
	"go/token"
	"go/types"
	"slices"
	"strings"

	"golang.org/x/tools/go/analysis"

	"github.com/perfvet/perfvet/analyzers/internal/analysisutil"
)

// One cause, one finding. A whole-table read in a helper is fixed in the
// helper (page the read), however many request paths reach it; so it is
// reported once, at the read, with the request paths' calls as related
// positions. Only a helper of this package that one request path calls,
// and that no other package can call (it is unexported), is reported at
// that call, where the handler may as well read less; and a read in
// generated code (sqlc's queries) is reported at each request path's
// call, since the read is fixed where it is generated from.
//
// A read in another package is reported at the read too, from each
// package whose request paths reach it: the positions and messages are
// the same, and the command merges identical findings. A package records
// the reads it reported in a causesFact; a package that imports it (and
// so sees its facts) does not report them again.

// A cause is a whole-table read in a helper that request paths reach.
type cause struct {
	read   Read
	helper *types.Func   // the helper the first request path calls
	calls  []token.Pos   // the request paths' calls
	via    []*types.Func // the helper each call calls
	vias   []string      // the chain of calls from each call to the read
}

// causeKey identifies a read across packages.
func causeKey(r *Read) string { return r.Posn + " " + r.What }

// addCause records a request path's call of a helper that reads a whole
// table.
func (c *checker) addCause(pos token.Pos, r *Read, helper *types.Func) {
	if !c.reporting || !pos.IsValid() {
		return
	}
	k := causeKey(r)
	cs := c.causes[k]
	if cs == nil {
		cs = &cause{read: *r, helper: helper}
		c.causes[k] = cs
	}
	if !slices.Contains(cs.calls, pos) {
		cs.calls = append(cs.calls, pos)
		cs.via = append(cs.via, helper)
		cs.vias = append(cs.vias, r.Via)
	}
}

// A causesFact lists the whole-table reads (Read.Posn and What) a
// package reported at the read: its importers do not report them again.
type causesFact struct{ Reads []string }

func (*causesFact) AFact() {}

func (f *causesFact) String() string { return "pagesize reported " + strings.Join(f.Reads, ", ") }

// reportCauses reports each cause once.
func (c *checker) reportCauses() {
	keys := make([]string, 0, len(c.causes))
	for k := range c.causes {
		keys = append(keys, k)
	}
	slices.Sort(keys)
	reported := c.reportedByImports()
	var mine []string
	for _, k := range keys {
		cs := c.causes[k]
		r := cs.read
		if _, here := c.readPos[r.Posn]; here && len(cs.calls) == 1 && !cs.helper.Exported() && cs.helper.Pkg() == c.pass.Pkg {
			c.reportRead(cs.calls[0], &r, cs.helper)
			continue
		}
		if r.Generated {
			for i, call := range cs.calls {
				rr := r
				rr.Via = cs.vias[i]
				c.reportRead(call, &rr, cs.via[i])
			}
			continue
		}
		if reported[k] {
			continue
		}
		pos, ok := c.readPos[r.Posn]
		if !ok {
			// In another package: the read's line, found from the
			// declaration of the function that runs it (or of the
			// helper, when the read is in its file).
			if fn := c.lookupFunc(r.Func); fn != nil {
				pos = analysisutil.LineIn(c.pass.Fset, fn.Pos(), r.Posn)
			}
			if !pos.IsValid() {
				pos = analysisutil.LineIn(c.pass.Fset, cs.helper.Pos(), r.Posn)
			}
			if !pos.IsValid() {
				pos = cs.helper.Pos()
			}
		}
		related := make([]analysis.RelatedInformation, 0, len(cs.calls))
		for i, call := range cs.calls {
			related = append(related, analysis.RelatedInformation{Pos: call, Message: "a request path reaches it here, through " + cs.vias[i]})
		}
		c.report(pos, analysisutil.BoundedRelated(c.pass.Fset, related), CategoryWholeTable,
			"%s reads %s at %s, and request paths reach it; every request loads the whole result into memory, and it grows with the table; page it with LIMIT (at most %s)",
			r.Call, r.What, r.Posn, c.planMax())
		mine = append(mine, k)
	}
	if len(mine) > 0 {
		c.pass.ExportPackageFact(&causesFact{Reads: mine})
	}
}

// reportedByImports returns the causes the packages this one imports
// (directly or not) reported.
func (c *checker) reportedByImports() map[string]bool {
	out := make(map[string]bool)
	for _, pf := range c.pass.AllPackageFacts() {
		if f, ok := pf.Fact.(*causesFact); ok && pf.Package != c.pass.Pkg {
			for _, k := range f.Reads {
				out[k] = true
			}
		}
	}
	return out
}

// lookupFunc finds a function or method by its full name
// ("(*example.com/store.Store).List", "example.com/store.List") among the
// packages this one imports, directly or not; nil if they do not declare
// it (an unexported function of a package loaded from export data).
func (c *checker) lookupFunc(name string) *types.Func {
	if name == "" {
		return nil
	}
	var recv, method string
	if strings.HasPrefix(name, "(") {
		end := strings.Index(name, ")")
		if end < 0 {
			return nil
		}
		recv, method = strings.TrimPrefix(name[1:end], "*"), strings.TrimPrefix(name[end+1:], ".")
		name = recv
	}
	dot := strings.LastIndex(name, ".")
	if dot < 0 {
		return nil
	}
	pkg := c.importedPkg(name[:dot])
	if pkg == nil {
		return nil
	}
	obj := pkg.Scope().Lookup(name[dot+1:])
	if method == "" {
		fn, _ := obj.(*types.Func)
		return fn
	}
	tn, ok := obj.(*types.TypeName)
	if !ok {
		return nil
	}
	m, _, _ := types.LookupFieldOrMethod(types.NewPointer(tn.Type()), true, pkg, method)
	fn, _ := m.(*types.Func)
	return fn
}

// importedPkg returns the package of path among those this one imports,
// directly or not.
func (c *checker) importedPkg(path string) *types.Package {
	seen := make(map[*types.Package]bool)
	work := []*types.Package{c.pass.Pkg}
	for len(work) > 0 {
		p := work[len(work)-1]
		work = work[:len(work)-1]
		if p.Path() == path {
			return p
		}
		for _, imp := range p.Imports() {
			if !seen[imp] {
				seen[imp] = true
				work = append(work, imp)
			}
		}
	}
	return nil
}
