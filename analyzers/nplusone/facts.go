package nplusone

import (
	"fmt"
	"go/token"
	"go/types"
	"maps"
	"slices"
	"strings"

	"golang.org/x/tools/go/ssa"

	"github.com/perfvet/perfvet/analyzers/internal/flow"
	"github.com/perfvet/perfvet/analyzers/internal/knowledge"
)

// A queryFact says what a function may do when called: run a query or a
// cache round trip (directly, through helpers, interfaces, closures or
// goroutines it starts), and call the functions it is given. Callers'
// loops are checked against it, in this package and in every package that
// imports it.
type queryFact struct {
	Read  *Reach // a read it may run
	Write *Reach // a write it may run
	Calls []int  // function parameters (indexes in the signature, receiver not counted) it calls
	Loops []int  // those of Calls it calls once per element of a collection
	// Misses: those of Calls it calls only on a miss of a cache, as a
	// cache's loader (cached.go).
	Misses []int
	// Open lists the methods of the program's own interfaces it may call
	// whose implementations the package cannot see (they live in packages
	// it does not import), when it reaches no round trip otherwise. A
	// package that sees the implementations resolves them (see
	// pendingFact).
	Open []Open
	// Page: the collection it returns is of one page (its body limits
	// its read: paged.go).
	Page bool
}

// An Open is a call of an interface method that its package could not
// resolve: the interface, by package path and type name, the method, and
// the way to it.
type Open struct {
	Pkg, Type, Method string
	Via               string // the calls from the function to the interface method, it last
	Posn              string // where the interface call is
	Cached            bool   // the call runs only on a miss of a cache the way reads first (cached.go)
}

func (o Open) id() string { return o.Pkg + "." + o.Type + "." + o.Method }

// A Reach is one way from a function to a round trip.
type Reach struct {
	Lib     string // knowledge.Lib of the round trip
	Tx      bool   // the round trip begins or ends a transaction
	Via     string // the calls from the function to the round trip, the round trip last: "(*store.Store).items → (*sql.DB).QueryContext"
	Posn    string // where the round trip is: "store/orders.go:67"
	Dynamic bool   // the way goes through an interface method resolved to an implementation
	Sure    bool   // with Dynamic: every implementation of each interface method on the way does it
	Cached  bool   // the round trip runs only on a miss of a cache the way reads first (cached.go)

	pos token.Pos // the round trip, when it is in this package (not serialized)
}

func (*queryFact) AFact() {}

func (f *queryFact) String() string {
	var parts []string
	switch {
	case f.Read != nil && f.Read.Cached:
		parts = append(parts, "read on a cache miss: "+f.Read.Via)
	case f.Read != nil:
		parts = append(parts, "read: "+f.Read.Via)
	}
	if f.Write != nil {
		parts = append(parts, "write: "+f.Write.Via)
	}
	if len(f.Calls) > 0 {
		parts = append(parts, fmt.Sprintf("calls %v", f.Calls))
	}
	if len(f.Loops) > 0 {
		parts = append(parts, fmt.Sprintf("per element %v", f.Loops))
	}
	if len(f.Misses) > 0 {
		parts = append(parts, fmt.Sprintf("on a miss %v", f.Misses))
	}
	for _, o := range f.Open {
		parts = append(parts, "open: "+o.Via)
	}
	if f.Page {
		parts = append(parts, "page")
	}
	return "roundtrips(" + strings.Join(parts, "; ") + ")"
}

func (f *queryFact) empty() bool {
	return f == nil || f.Read == nil && f.Write == nil && len(f.Calls) == 0 && len(f.Loops) == 0 && len(f.Open) == 0
}

// key identifies the fact's content, for the fixed point.
func (f *queryFact) key() string {
	if f == nil {
		return ""
	}
	r := func(x *Reach) string {
		if x == nil {
			return "-"
		}
		return fmt.Sprintf("%s|%v|%s|%s|%v|%v|%v", x.Lib, x.Tx, x.Via, x.Posn, x.Dynamic, x.Sure, x.Cached)
	}
	k := r(f.Read) + "/" + r(f.Write) + fmt.Sprint(f.Calls, f.Loops, f.Misses)
	for _, o := range f.Open {
		k += "/" + o.id() + "|" + o.Via + "|" + o.Posn
	}
	return k
}

// maxOpen bounds the open interface calls a fact lists.
const maxOpen = 3

// mergeOpen adds opens to a sorted list: one entry per method, the
// shortest way first, at most maxOpen.
func mergeOpen(list []Open, add ...Open) []Open {
	for _, o := range add {
		i := slices.IndexFunc(list, func(x Open) bool { return x.id() == o.id() })
		switch {
		case i < 0:
			list = append(list, o)
		case list[i].Cached && !o.Cached:
			list[i] = o // a way with no cache in front decides
		case list[i].Cached == o.Cached && strings.Count(o.Via, "→") < strings.Count(list[i].Via, "→"):
			list[i] = o
		}
	}
	slices.SortFunc(list, func(a, b Open) int { return strings.Compare(a.id(), b.id()) })
	if len(list) > maxOpen {
		list = list[:maxOpen]
	}
	return list
}

// openThrough extends open calls by one call.
func openThrough(list []Open, step string) []Open {
	if step == "" || len(list) == 0 {
		return list
	}
	out := make([]Open, len(list))
	for i, o := range list {
		o.Via = shorten(step + " → " + o.Via)
		out[i] = o
	}
	return out
}

// An implsFact lists the types a package declares whose exported
// methods may run round trips, so that a package that imports it,
// directly or not, can resolve a call through an interface to these
// implementations without scanning every type it can see. What each
// method does is in the method's own fact.
type implsFact struct {
	Types []string // sorted
}

func (*implsFact) AFact() {}

func (f *implsFact) String() string { return "impls(" + strings.Join(f.Types, " ") + ")" }

// A convertsFact lists the named types of other modules that a package
// converts to an interface, with the interface's methods
// ("path.Type.Method"): a library type the program's code never turns
// into a value of an interface with that method cannot be what a call of
// the method through an interface dispatches to (resolve.go).
type convertsFact struct {
	Types []string // sorted
}

func (*convertsFact) AFact() {}

func (f *convertsFact) String() string { return "converts(" + strings.Join(f.Types, " ") + ")" }

// maxChain bounds the calls a Via names: one more than flow.MaxChain,
// since the last is the round trip itself.
const maxChain = flow.MaxChain + 1

// ---- building reaches ----

// through returns a reach extended by one call: the step, then the rest.
func (r *Reach) through(step string, dynamic bool) *Reach {
	if r == nil {
		return nil
	}
	out := *r
	if dynamic && !r.Dynamic {
		out.Sure = false // set by implementations, which saw them all
	}
	out.Dynamic = r.Dynamic || dynamic
	if step != "" {
		out.Via = shorten(step + " → " + r.Via)
	}
	return &out
}

// shorten keeps the first calls of a chain and its round trip, at most
// maxChain steps: "a → b → … → (*sql.DB).QueryContext".
func shorten(via string) string { return flow.Shorten(via, maxChain) }

// A pair is what a call or a function may do.
type pair struct {
	read, write *Reach
}

func (p pair) empty() bool { return p.read == nil && p.write == nil }

// merge keeps the first reach of each kind, preferring ways with no cache
// in front over cached ones, static ways over dynamic ones and short
// chains over long ones, so that facts stay small
// and deterministic.
func (p *pair) merge(q pair) {
	p.read = better(p.read, q.read)
	p.write = better(p.write, q.write)
}

func better(a, b *Reach) *Reach {
	switch {
	case a == nil:
		return b
	case b == nil:
		return a
	case a.Cached != b.Cached:
		// A way with no cache in front of it costs a round trip on
		// every call.
		if a.Cached {
			return b
		}
		return a
	case a.Dynamic != b.Dynamic:
		if a.Dynamic {
			return b
		}
		return a
	case strings.Count(b.Via, "→") < strings.Count(a.Via, "→"):
		return b
	}
	return a
}

func (p pair) through(step string) pair {
	return pair{p.read.through(step, false), p.write.through(step, false)}
}

func pairOf(f *queryFact) pair {
	if f == nil {
		return pair{}
	}
	return pair{f.Read, f.Write}
}

// direct is the pair of a round trip made by a call.
func direct(rt knowledge.RoundTrip, kind knowledge.Kind, display, posn string, pos token.Pos) pair {
	r := &Reach{Lib: string(rt.Lib), Tx: rt.Tx, Via: display, Posn: posn, pos: pos}
	if kind == knowledge.Write {
		return pair{write: r}
	}
	return pair{read: r}
}

// ---- the fixed point ----

// computeSummaries computes what each function of the package may do,
// iterating until chains of helpers, closures and recursive calls inside
// the package settle, then exports the facts of exported functions and
// the package's implementations.
func (c *checker) computeSummaries(funcs []*ssa.Function) {
	for _, f := range funcs {
		c.summaries[f] = c.paramFact(f)
	}
	flow.Rounds(func() bool {
		// What an interface call reaches depends on this round's summaries.
		clear(c.implCache)
		changed := false
		for _, f := range funcs {
			nf := c.summarize(f)
			if nf.key() != c.summaries[f].key() {
				c.summaries[f] = nf
				changed = true
			}
		}
		return changed
	})
	c.exportFacts(funcs)
}

// paramFact is what the syntax says of the function parameters a
// function calls.
func (c *checker) paramFact(f *ssa.Function) *queryFact {
	obj := funcObject(f)
	if obj == nil || f.Parent() != nil {
		return &queryFact{}
	}
	pc := c.paramCalls[obj]
	return &queryFact{Calls: pc.calls, Loops: pc.loops, Misses: pc.misses}
}

// summarize computes a function's fact from its calls.
func (c *checker) summarize(f *ssa.Function) *queryFact {
	out := c.paramFact(f)
	var p pair
	var open []Open
	for _, b := range f.Blocks {
		for _, instr := range b.Instrs {
			ci, ok := instr.(ssa.CallInstruction)
			if !ok {
				continue
			}
			cp := c.callReach(ci, false)
			opens := c.callOpen(ci)
			if (cp.read != nil && cp.read.Cached || allCached(opens)) && fixedKey(ci) {
				// A cache-aside read of one fixed key: once per process.
				if cp.read != nil && cp.read.Cached {
					cp.read = nil
				}
				if allCached(opens) {
					opens = nil
				}
			}
			p.merge(cp)
			if p.empty() {
				open = mergeOpen(open, opens...)
			}
		}
	}
	out.Read, out.Write = c.cachedReach(f, p.read), p.write
	if p.empty() {
		out.Open = c.cachedOpen(f, open)
	}
	return out
}

// exportFacts exports the facts of exported functions and methods, and
// the package's implementations.
func (c *checker) exportFacts(funcs []*ssa.Function) {
	if c.library {
		return
	}
	for _, f := range funcs {
		obj := funcObject(f)
		if obj == nil || f.Parent() != nil || f.Synthetic != "" || obj.Pkg() != c.pass.Pkg {
			continue
		}
		if fact := c.summaries[f]; !fact.empty() && obj.Exported() {
			if c.returnsPage(obj, f) {
				paged := *fact
				paged.Page = true
				fact = &paged
			}
			c.pass.ExportObjectFact(obj, fact)
		}
	}
	if impls := c.localImpls(); len(impls.Types) > 0 {
		c.pass.ExportPackageFact(impls)
	}
	if conv := c.localConverts(); len(conv) > 0 {
		c.pass.ExportPackageFact(&convertsFact{Types: slices.Sorted(maps.Keys(conv))})
	}
}

// localImpls lists the package's named types whose exported methods
// may run round trips.
func (c *checker) localImpls() *implsFact {
	out := &implsFact{}
	scope := c.pass.Pkg.Scope()
	for _, name := range scope.Names() {
		tn, ok := scope.Lookup(name).(*types.TypeName)
		if !ok || tn.IsAlias() {
			continue
		}
		named, ok := tn.Type().(*types.Named)
		if !ok || named.TypeParams().Len() > 0 || types.IsInterface(named) {
			continue
		}
		ms := types.NewMethodSet(types.NewPointer(named))
		for i := 0; i < ms.Len(); i++ {
			m, ok := ms.At(i).Obj().(*types.Func)
			// Only exported methods satisfy another package's interfaces.
			if ok && m.Exported() && !c.methodReach(m, types.NewPointer(named)).empty() {
				out.Types = append(out.Types, name)
				break
			}
		}
	}
	return out
}

// factOf returns what is known of a declared function: its summary in
// this package, or its imported fact. Library packages the knowledge
// tables describe carry no facts.
func (c *checker) factOf(obj *types.Func) *queryFact {
	if obj == nil || obj.Pkg() == nil {
		return nil
	}
	obj = obj.Origin()
	if obj.Pkg() == c.pass.Pkg {
		if c.ssa != nil {
			if f := c.ssa.Func(obj); f != nil {
				if s, ok := c.summaries[f]; ok {
					return s
				}
			}
		}
		pc := c.paramCalls[obj]
		return &queryFact{Calls: pc.calls, Loops: pc.loops, Misses: pc.misses}
	}
	if knowledge.IsDescribed(obj.Pkg().Path()) && !c.library {
		return nil
	}
	var f queryFact
	if c.pass.ImportObjectFact(obj, &f) {
		f.Read, f.Write = imported(f.Read), imported(f.Write)
		return &f
	}
	return nil
}

// imported returns a reach of another package without its position:
// drivers that keep facts in memory would otherwise carry a position
// that drivers that serialize them lose, and findings must not depend on
// the driver.
func imported(r *Reach) *Reach {
	if r == nil || !r.pos.IsValid() {
		return r
	}
	out := *r
	out.pos = token.NoPos
	return &out
}

// funcObject returns the declared function or method of an SSA function
// (its generic origin; the method of a wrapper or bound method), or nil
// for function literals.
func funcObject(f *ssa.Function) *types.Func {
	if f == nil {
		return nil
	}
	if obj, ok := f.Object().(*types.Func); ok && obj != nil {
		return obj.Origin()
	}
	if o := f.Origin(); o != nil && o != f {
		return funcObject(o)
	}
	return nil
}
