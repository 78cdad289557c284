package pagesize

import (
	"fmt"
	"go/types"
	"slices"
	"strings"

	"golang.org/x/tools/go/ssa"

	"github.com/perfvet/perfvet/analyzers/internal/flow"
	"github.com/perfvet/perfvet/analyzers/internal/knowledge"
)

// A pageFact says what a function does with page sizes and whole-table
// reads, for its callers in this package and in every package that
// imports it.
type pageFact struct {
	// Sinks are the parameters (SSA indexes: a receiver is 0), or fields
	// of them, that reach a page-size sink with no upper bound.
	Sinks []ParamSink
	// Returns are the parameters the results carry with no upper bound
	// (a parser of a page size that does not clamp it).
	Returns []int
	// Source: the results carry request input with no upper bound
	// ("query parameter \"limit\"").
	Source string
	// Read: the function reads every row of a table (not in a request
	// path of its own).
	Read *Read
}

// A ParamSink is a parameter, or a field of it, that reaches a page-size
// sink.
type ParamSink struct {
	Index int
	Field string
	Sink  string // "LIMIT", "(*gorm.DB).Limit", "make"
	Via   string // the chain of calls to the sink
	Posn  string // file:line of the sink
}

// A Read is a whole-table read.
type Read struct {
	What string // "every row of categories (no LIMIT)"
	Call string // the call that runs it
	Via  string // the chain of calls to it
	Posn string // file:line of the call that runs it
}

func (*pageFact) AFact() {}

func (f *pageFact) String() string {
	var parts []string
	for _, s := range f.Sinks {
		p := fmt.Sprintf("param%d", s.Index)
		if s.Field != "" {
			p += "." + s.Field
		}
		parts = append(parts, p+" → "+s.Sink)
	}
	for _, i := range f.Returns {
		parts = append(parts, fmt.Sprintf("returns param%d", i))
	}
	if f.Source != "" {
		parts = append(parts, "returns "+f.Source)
	}
	if f.Read != nil {
		parts = append(parts, "reads "+f.Read.What)
	}
	return "pagesize(" + strings.Join(parts, "; ") + ")"
}

func (f *pageFact) empty() bool {
	return len(f.Sinks) == 0 && len(f.Returns) == 0 && f.Source == "" && f.Read == nil
}

// normalize sorts and deduplicates, so that facts are deterministic and
// the fixed point can compare them.
func (f *pageFact) normalize() {
	slices.SortFunc(f.Sinks, func(a, b ParamSink) int {
		if a.Index != b.Index {
			return a.Index - b.Index
		}
		return strings.Compare(a.Field, b.Field)
	})
	f.Sinks = slices.CompactFunc(f.Sinks, func(a, b ParamSink) bool { return a.Index == b.Index && a.Field == b.Field })
	slices.Sort(f.Returns)
	f.Returns = slices.Compact(f.Returns)
}

// maxChain bounds the chain of calls a fact names.
const maxChain = 4

// chain prepends a step to a chain of calls.
func chain(step, via string) string {
	switch {
	case step == "":
		return via
	case via == "":
		return step
	}
	if strings.Count(via, " → ") >= maxChain-1 {
		return step + " → …"
	}
	return step + " → " + via
}

// factOf returns what is known of fn: this package's computed fact or an
// imported one.
func (c *checker) factOf(fn *types.Func) *pageFact {
	if fn == nil || fn.Pkg() == nil {
		return nil
	}
	fn = fn.Origin()
	if fn.Pkg() == c.pass.Pkg {
		return c.facts[fn]
	}
	if knowledge.IsDescribed(fn.Pkg().Path()) {
		return nil // libraries are matched at their entry points
	}
	var f pageFact
	if c.pass.ImportObjectFact(fn, &f) {
		return &f
	}
	return nil
}

// computeFacts computes the facts of this package's declared functions to
// a fixed point and exports those of exported functions.
func (c *checker) computeFacts(funcs []*ssa.Function) {
	declared := flow.DeclaredFuncs(funcs)
	flow.Fixpoint(declared, c.facts, func(f *ssa.Function) (*pageFact, bool) {
		fact := c.analyze(f)
		return fact, !fact.empty()
	})
	for _, f := range declared {
		obj := f.Object().(*types.Func)
		if fact := c.facts[obj]; fact != nil && obj.Exported() {
			c.pass.ExportObjectFact(obj, fact)
		}
	}
}
