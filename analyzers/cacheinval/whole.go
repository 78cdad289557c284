package cacheinval

import (
	"fmt"
	"go/constant"
	"go/token"
	"go/types"
	"slices"
	"strings"

	"golang.org/x/tools/go/ssa"

	"github.com/perfvet/perfvet/analyzers/internal/analysisutil"
	"github.com/perfvet/perfvet/analyzers/internal/knowledge"
	"github.com/perfvet/perfvet/analyzers/internal/lint"
	"github.com/perfvet/perfvet/analyzers/internal/reach"
)

// Whole-program reach (issue 20).
//
// A cache used through the program's own interface (cache.Cache) whose
// implementation (*rediscache.Cache) lives in a package the caller does
// not import is wired in by main. The caller's package hands each such
// call on in a pendingFact, with what its arguments are at the call (the
// key's shape, a constant TTL); a package that imports both the caller
// and an implementation (typically main) applies the implementation's
// operations there as at the call: its deletes count as invalidating
// their families, and a write with no expiry of a family nothing
// invalidates is reported at the caller's call, once per family, naming
// the interface and the implementation (internal/reach). It lists the
// calls it reported in a resolvedFact so that its importers do not report
// them again.

// A pendingFact lists a package's calls through interfaces of the
// program whose implementations the package cannot see.
type pendingFact struct {
	Calls []pendingCall
}

func (*pendingFact) AFact() {}

func (f *pendingFact) String() string {
	parts := make([]string, 0, len(f.Calls))
	for _, p := range f.Calls {
		parts = append(parts, p.Open.String())
	}
	return "pending(" + strings.Join(parts, "; ") + ")"
}

// A pendingCall is one call through such an interface.
type pendingCall struct {
	Site reach.Site
	Open reach.Method
	Args []pendingArg // the call's arguments, the receiver not counted
}

// A pendingArg is what an argument is at the call.
type pendingArg struct {
	Shape string // the key's shape, "" if unknown
	Const bool   // N is the argument's constant integer value
	N     int64
}

// A resolvedFact lists the pending calls a package reported, by site.
type resolvedFact struct {
	Keys []string
}

func (*resolvedFact) AFact() {}

func (f *resolvedFact) String() string { return fmt.Sprintf("resolved(%d)", len(f.Keys)) }

// spanNode is a finding's range in another package's file.
type spanNode struct{ pos, end token.Pos }

func (s spanNode) Pos() token.Pos { return s.pos }
func (s spanNode) End() token.Pos { return s.end }

// deferCall records a call through a program interface of which the
// package sees no implementation.
func (c *checker) deferCall(instr ssa.CallInstruction) {
	common := instr.Common()
	m, ok := reach.MethodOf(common.Value.Type(), common.Method)
	if !ok || !c.keepImpl(types.NewPackage(m.Pkg, "")) {
		return
	}
	iface, ok := common.Value.Type().Underlying().(*types.Interface)
	if !ok || !cacheLike(iface) || len(c.implementations(iface, common.Method)) > 0 {
		return
	}
	node := c.callNode(instr)
	if node == nil {
		return
	}
	site, ok := reach.SiteOf(c.pass.Fset, node.Pos(), node.End())
	if !ok {
		return
	}
	p := pendingCall{Site: site, Open: m}
	for _, a := range common.Args {
		var arg pendingArg
		if isStringType(a.Type()) {
			if shape, param := c.shapeOf(a); param < 0 {
				arg.Shape = shape
			}
		}
		arg.N, arg.Const = constInt(a, 0)
		p.Args = append(p.Args, arg)
	}
	c.pending = append(c.pending, p)
}

// constInt returns the constant integer a value is, through conversions
// and phis of one constant.
func constInt(v ssa.Value, depth int) (int64, bool) {
	if depth > maxDepth {
		return 0, false
	}
	switch v := v.(type) {
	case *ssa.Const:
		if v.Value != nil && v.Value.Kind() == constant.Int {
			return constant.Int64Val(v.Value)
		}
	case *ssa.Convert:
		return constInt(v.X, depth+1)
	case *ssa.ChangeType:
		return constInt(v.X, depth+1)
	case *ssa.Phi:
		var first int64
		for i, e := range v.Edges {
			n, ok := constInt(e, depth+1)
			if !ok || i > 0 && n != first {
				return 0, false
			}
			first = n
		}
		return first, len(v.Edges) > 0
	}
	return 0, false
}

// keepImpl selects the packages whose types implement the program's
// interfaces: the module's, not libraries.
func (c *checker) keepImpl(p *types.Package) bool {
	mod := ""
	if c.pass.Module != nil {
		mod = c.pass.Module.Path
	}
	if mod == "" && strings.Contains(strings.Split(p.Path(), "/")[0], ".") {
		return false // no module information: a path that starts with a domain is a library's
	}
	return !isLibrary(p.Path()) && analysisutil.SameModule(mod)(p)
}

// A resolvedCall is a pending call of a dependency with the operations
// of the implementation this package sees.
type resolvedCall struct {
	p    pendingCall
	impl string // (*rediscache.Cache).Set
	ops  []Op
}

// resolveDeferred applies the implementations this package sees to the
// pending calls of its dependencies: their deletes and expiries count as
// invalidating their families here. The writes are judged by
// reportDeferred.
func (c *checker) resolveDeferred() {
	var pending []pendingCall
	c.resolvedDep = make(map[string]bool)
	for _, pf := range c.pass.AllPackageFacts() {
		if pf.Package == c.pass.Pkg {
			continue
		}
		switch f := pf.Fact.(type) {
		case *pendingFact:
			pending = append(pending, f.Calls...)
		case *resolvedFact:
			for _, k := range f.Keys {
				c.resolvedDep[k] = true
			}
		}
	}
	if len(pending) == 0 {
		return
	}
	slices.SortFunc(pending, func(a, b pendingCall) int { return strings.Compare(a.Site.Key(), b.Site.Key()) })
	r := reach.NewResolver(c.pass.Pass, c.keepImpl)
	for _, p := range pending {
		for _, fn := range r.Implementations(p.Open) {
			f := c.factOf(fn)
			if f == nil || len(f.Ops) == 0 {
				continue
			}
			rc := resolvedCall{p: p, impl: analysisutil.Display(fn)}
			for _, o := range shiftOps(f.Ops) {
				o = applyArgs(o, p.Args)
				o.Via = chain(p.Open.String(), chain(rc.impl, o.Via))
				rc.ops = append(rc.ops, o)
				switch o.Kind {
				case "delete", "expire", "flush", "script":
					fam := o.Key
					if o.Kind == "flush" {
						fam = familyKey("*", o.Cache)
					}
					if o.Prefix {
						c.prefixes = append(c.prefixes, fam)
					} else {
						c.invalidated = append(c.invalidated, fam)
					}
				}
			}
			c.deferred = append(c.deferred, rc)
			break
		}
	}
}

// applyArgs carries an operation of an implementation to the pending
// call: the parameters it took from the call's arguments become what
// those arguments were there.
func applyArgs(o Op, args []pendingArg) Op {
	if o.KeyParam >= 0 {
		suffix := o.Key // what follows the parameter (scan.go)
		o.Key = "*"
		if o.KeyParam < len(args) && args[o.KeyParam].Shape != "" {
			o.Key = args[o.KeyParam].Shape
		}
		o.Key, o.KeyParam = familyKey(collapse(o.Key+suffix), o.Cache), -1
	}
	if o.TTL.State == ttlParam {
		if p := o.TTL.Param; p < len(args) && args[p].Const {
			o.TTL = interpret(args[p].N, knowledge.TTLMode(o.TTL.Mode))
		} else {
			o.TTL = TTL{State: ttlUnknown}
		}
	}
	o.ValueParam = -1
	return o
}

// reportDeferred adds the resolved writes with no expiry of families
// nothing invalidates to the never-expires findings, at the caller's
// call, and returns the sites it added.
func (c *checker) reportDeferred() []string {
	files := reach.NewFiles(c.pass.Fset)
	var keys []string
	for _, rc := range c.deferred {
		k := rc.p.Site.Key()
		if c.resolvedDep[k] {
			continue
		}
		for _, o := range rc.ops {
			if o.Judged || o.Kind != "write" && o.Kind != "persist" || o.TTL.State != ttlNever || !isShapeFamily(o.Key) || isMapLike(o.Lib) || isSizeBounded(o.Lib) || c.isInvalidated(o.Key, o.Cache) || slices.Contains(c.reportedDep, o.Key) {
				continue
			}
			pos, end, ok := files.Pos(rc.p.Site)
			if !ok {
				break
			}
			verb := "is written with no expiry"
			if o.Kind == "persist" {
				verb = "loses its expiry"
			}
			limit, _ := c.pass.Plan.TTLFor(o.Key)
			fix := "give it a TTL"
			if limit > 0 {
				fix = fmt.Sprintf("give it a TTL (the plan allows %s)", dur(limit))
			}
			c.never[o.Key] = append(c.never[o.Key], neverSite{node: spanNode{pos, end}, msg: fmt.Sprintf("%s %s (through %s, implemented by %s, at %s) and nothing in the program deletes or expires it: once its data changes, readers get the stale entry until the cache is flushed; %s, or delete the key where the data changes", family(o.Key), verb, rc.p.Open.String(), rc.impl, o.Posn, fix)})
			keys = append(keys, k)
			break
		}
	}
	return keys
}

// shiftOps moves the parameter indexes of an implementation's operations
// to an interface call's arguments (an interface call's Args do not hold
// the receiver).
func shiftOps(in []Op) []Op {
	ops := make([]Op, len(in))
	for i, o := range in {
		o.KeyParam = recvShift(o.KeyParam)
		if o.KeyParam < 0 && in[i].KeyParam >= 0 {
			o.Key = "*" // keyed by the receiver: unknown here
		}
		if o.TTL.State == ttlParam {
			if o.TTL.Param = recvShift(o.TTL.Param); o.TTL.Param < 0 {
				o.TTL = TTL{State: ttlUnknown}
			}
		}
		o.ValueParam = recvShift(o.ValueParam)
		ops[i] = o
	}
	return ops
}

// callsCacheInterface reports whether a package that imports no cache nor
// database library calls a method of an interface of its module that
// looks like a cache's: one of its methods takes a time.Duration (a TTL).
// Such a package hands its calls on (deferCall), so it needs SSA.
func callsCacheInterface(pass *lint.Pass) bool {
	for _, sel := range pass.TypesInfo.Selections {
		if sel.Kind() != types.MethodVal || !types.IsInterface(sel.Recv()) {
			continue
		}
		m, ok := sel.Obj().(*types.Func)
		if !ok || m.Pkg() == nil || isLibrary(m.Pkg().Path()) {
			continue
		}
		if iface, ok := sel.Recv().Underlying().(*types.Interface); ok && cacheLike(iface) {
			return true
		}
	}
	return false
}

// cacheLike reports whether one of an interface's methods takes a
// time.Duration: the TTL of a cache's Set.
func cacheLike(iface *types.Interface) bool {
	for i := range iface.NumMethods() {
		sig, ok := iface.Method(i).Type().(*types.Signature)
		if !ok {
			continue
		}
		for j := range sig.Params().Len() {
			if isDuration(sig.Params().At(j).Type()) {
				return true
			}
		}
	}
	return false
}
