package timeouts

import (
	"fmt"
	"go/types"
	"path/filepath"
	"slices"
	"strings"

	"golang.org/x/tools/go/ssa"

	"github.com/perfvet/perfvet/analyzers/internal/analysisutil"
	"github.com/perfvet/perfvet/analyzers/internal/flow"
	"github.com/perfvet/perfvet/analyzers/internal/knowledge"
)

// An ioFact says that a function does outbound work (a database query, a
// Redis command, an HTTP request) with one of its context parameters, or
// with no request context at all. Callers in request paths are checked
// against it, in this package and in every package that imports it.
type ioFact struct {
	CtxParams []CtxParam // parameters (SSA indexes; a receiver is 0) that reach outbound work
	Detached  *Site      // outbound work with context.Background/TODO or no context
}

// A CtxParam is a context parameter that reaches outbound work.
type CtxParam struct {
	Index int
	Kind  string // kindDatabase, kindRedis, ...
	Via   string // the chain of calls to the work: "repo.Get → (*sql.DB).QueryRowContext"
}

// A Site is outbound work that no request context bounds.
type Site struct {
	Kind string
	Via  string
	Posn string // file:line of the work
}

func (*ioFact) AFact() {}

func (f *ioFact) String() string {
	var parts []string
	for _, p := range f.CtxParams {
		parts = append(parts, fmt.Sprintf("ctx%d: %s via %s", p.Index, p.Kind, p.Via))
	}
	if f.Detached != nil {
		parts = append(parts, fmt.Sprintf("detached: %s via %s", f.Detached.Kind, f.Detached.Via))
	}
	return "io(" + strings.Join(parts, "; ") + ")"
}

func (f *ioFact) empty() bool { return len(f.CtxParams) == 0 && f.Detached == nil }

// maxChain bounds the chain of calls a fact names.
const maxChain = 4

// factOf returns what is known of fn: this package's computed fact or an
// imported one.
func (c *checker) factOf(fn *types.Func) *ioFact {
	if fn == nil {
		return nil
	}
	fn = fn.Origin()
	if fn.Pkg() == c.pass.Pkg {
		return c.facts[fn]
	}
	if fn.Pkg() != nil && knowledge.IsOutboundPackage(fn.Pkg().Path()) {
		// A library's entry points are described by the knowledge tables;
		// what its internals do with contexts (a client constructor that
		// starts background work) is not the caller's request path.
		return nil
	}
	var f ioFact
	if c.pass.ImportObjectFact(fn, &f) {
		return &f
	}
	return nil
}

// computeFacts computes the facts of this package's declared functions,
// iterating to a fixed point so that chains of helpers inside the package
// are followed, and exports them.
func (c *checker) computeFacts(funcs []*ssa.Function) {
	var declared []*ssa.Function
	for _, f := range funcs {
		if obj, ok := f.Object().(*types.Func); ok && obj != nil && f.Parent() == nil {
			declared = append(declared, f)
		}
	}
	for range 8 {
		changed := false
		for _, f := range declared {
			obj := f.Object().(*types.Func)
			nf := c.factFor(f)
			old := c.facts[obj]
			if nf.empty() {
				if old != nil {
					delete(c.facts, obj)
					changed = true
				}
				continue
			}
			if old == nil || old.String() != nf.String() {
				c.facts[obj] = nf
				changed = true
			}
		}
		if !changed {
			break
		}
	}
	// Only exported functions and methods can be called from another
	// package; the others' facts stay in this pass.
	for _, f := range declared {
		obj := f.Object().(*types.Func)
		if fact := c.facts[obj]; fact != nil && obj.Exported() {
			c.pass.ExportObjectFact(obj, fact)
		}
	}
}

// factFor computes the fact of one function from its own body; work in
// function literals and goroutines it starts is not its own.
func (c *checker) factFor(fn *ssa.Function) *ioFact {
	f := &ioFact{}
	takesContext := false
	for _, p := range fn.Params {
		if isContext(p.Type()) {
			takesContext = true
		}
	}
	for _, b := range fn.Blocks {
		for _, instr := range b.Instrs {
			ci, ok := instr.(ssa.CallInstruction)
			if !ok {
				continue
			}
			if _, isGo := instr.(*ssa.Go); isGo {
				continue
			}
			common := ci.Common()
			callee := staticFunc(common)
			if callee == nil && common.IsInvoke() {
				callee = common.Method
			}
			if callee == nil {
				continue
			}
			posn := c.posn(instr)
			if _, ok := knowledge.ContextFree[analysisutil.FullName(callee)]; ok {
				if !takesContext {
					f.setDetached(Site{Kind: kindOf(callee), Via: analysisutil.Display(callee), Posn: posn})
				}
				continue
			}
			for _, p := range c.contextParams(callee) {
				idx := p.Index
				if common.IsInvoke() {
					idx--
				}
				if idx < 0 || idx >= len(common.Args) {
					continue
				}
				via := chain(callee, p.Via)
				src := flow.ContextOrigin(common.Args[idx])
				switch src.Origin {
				case flow.Param:
					if i := slices.Index(fn.Params, src.Param); i >= 0 {
						f.addParam(CtxParam{Index: i, Kind: p.Kind, Via: via})
					}
				case flow.Detached:
					if !takesContext {
						f.setDetached(Site{Kind: p.Kind, Via: via, Posn: posn})
					}
				}
			}
			if cf := c.factOf(callee); cf != nil && cf.Detached != nil && !takesContext {
				f.setDetached(Site{Kind: cf.Detached.Kind, Via: chain(callee, cf.Detached.Via), Posn: cf.Detached.Posn})
			}
		}
	}
	return f
}

// chain prefixes a callee to the chain of calls below it.
func chain(callee *types.Func, below string) string {
	name := analysisutil.Display(callee)
	if below == "" {
		return name
	}
	if strings.Count(below, "→") >= maxChain-1 {
		return name + " → …"
	}
	return name + " → " + below
}

func (f *ioFact) addParam(p CtxParam) {
	for _, q := range f.CtxParams {
		if q.Index == p.Index && q.Kind == p.Kind {
			return
		}
	}
	f.CtxParams = append(f.CtxParams, p)
	slices.SortFunc(f.CtxParams, func(a, b CtxParam) int {
		if a.Index != b.Index {
			return a.Index - b.Index
		}
		return strings.Compare(a.Kind, b.Kind)
	})
}

// setDetached keeps the first detached site, in source order.
func (f *ioFact) setDetached(s Site) {
	if f.Detached == nil {
		f.Detached = &s
	}
}

func (c *checker) posn(instr ssa.Instruction) string {
	p := c.pass.Fset.Position(instr.Pos())
	if !p.IsValid() {
		return "?"
	}
	return fmt.Sprintf("%s:%d", filepath.Base(p.Filename), p.Line)
}
