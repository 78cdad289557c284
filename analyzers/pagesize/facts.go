package pagesize

import (
	"fmt"
	"go/types"
	"slices"
	"strings"

	"golang.org/x/tools/go/ssa"

	"github.com/perfvet/perfvet/analyzers/internal/analysisutil"
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
	// SourceName is 1 + the index of the parameter that names the
	// request input of Source (a request helper of the program:
	// QueryIntParam(r, "limit", 100)), or 0.
	SourceName int
	// SourceResults are the results that carry Source, for a function of
	// several (limit, offset, err); empty: every result.
	SourceResults []int
	// LowSource, LowSourceName and LowReturns are Source, SourceName and
	// Returns for a value of 0 or less (the function's one result may be
	// request input, or parameter k, that is not positive): what turns a
	// LIMIT that is written only for a positive value off.
	LowSource     string
	LowSourceName int
	LowReturns    []int
	// Read: the function reads every row of a table (not in a request
	// path of its own).
	Read *Read
	// Writes are the fields of pointer parameters the function sets (a
	// query builder's WithLimit(n) sets its receiver's limit).
	Writes []FieldWrite
	// Aliases are the pointer parameters the function returns (a
	// builder's method that returns its receiver).
	Aliases []int
	// Open are the interface methods of the program the function
	// reaches whose implementations its package cannot see (whole.go).
	Open []Open
}

// A FieldWrite is a store to field Field of the struct parameter Param
// points to: of parameter From with no upper bound, of request input
// Source, or (From -1, Source "") of a bounded value.
//
// Skip is 1 + the index of a parameter whose value 0 or less leaves the
// field unwritten (if limit > 0 { e.limit = min(limit, max) }, with no
// else), or 0: a caller's non-positive page size then keeps the field's
// zero value.
type FieldWrite struct {
	Param  int
	Field  string
	From   int
	Source string
	Skip   int
}

// A ParamSink is a parameter, or a field of it, that reaches a page-size
// sink.
type ParamSink struct {
	Index int
	Field string
	Sink  string // "LIMIT", "(*gorm.DB).Limit", "make"
	Via   string // the chain of calls to the sink
	Posn  string // file:line of the sink
	// Off: the sink is left out when the value is 0 or less (if e.limit >
	// 0 { q += " LIMIT " + ... }, with no else), so a zero field turns
	// the LIMIT off.
	Off bool
	// NonPos: the parameter's value 0 or less turns the LIMIT off (a
	// helper that passes it to a write that Skip describes), whatever its
	// upper bound.
	NonPos bool
}

// A Read is a whole-table read.
type Read struct {
	What string // "every row of categories (no LIMIT)"
	Call string // the call that runs it
	Via  string // the chain of calls to it
	Posn string // file:line of the call that runs it
	// Generated: the read is in generated code (sqlc's queries), which is
	// fixed where it is generated from: each request path's call is
	// reported instead of the read.
	Generated bool
	// Func is the full name of the function that runs the read, to find
	// its position from packages that import it.
	Func string
}

func (*pageFact) AFact() {}

func (f *pageFact) String() string {
	var parts []string
	for _, s := range f.Sinks {
		p := fmt.Sprintf("param%d", s.Index)
		if s.Field != "" {
			p += "." + s.Field
		}
		switch {
		case s.NonPos:
			parts = append(parts, p+" <= 0 → no "+s.Sink)
		case s.Off:
			parts = append(parts, p+" → "+s.Sink+" unless <= 0")
		default:
			parts = append(parts, p+" → "+s.Sink)
		}
	}
	for _, i := range f.Returns {
		parts = append(parts, fmt.Sprintf("returns param%d", i))
	}
	if f.Source != "" {
		src := "returns " + f.Source
		if f.SourceName > 0 {
			src += fmt.Sprintf(" named by param%d", f.SourceName-1)
		}
		if len(f.SourceResults) > 0 {
			src += fmt.Sprintf(" in results %v", f.SourceResults)
		}
		parts = append(parts, src)
	}
	if f.LowSource != "" {
		src := "returns <= 0 from " + f.LowSource
		if f.LowSourceName > 0 {
			src += fmt.Sprintf(" named by param%d", f.LowSourceName-1)
		}
		parts = append(parts, src)
	}
	for _, i := range f.LowReturns {
		parts = append(parts, fmt.Sprintf("returns param%d <= 0", i))
	}
	if f.Read != nil {
		parts = append(parts, "reads "+f.Read.What)
	}
	for _, w := range f.Writes {
		from := "bounded"
		switch {
		case w.From >= 0:
			from = fmt.Sprintf("param%d", w.From)
		case w.Source != "":
			from = w.Source
		}
		p := fmt.Sprintf("param%d.%s = %s", w.Param, w.Field, from)
		if w.Skip > 0 {
			p += fmt.Sprintf(" if param%d > 0", w.Skip-1)
		}
		parts = append(parts, p)
	}
	for _, i := range f.Aliases {
		parts = append(parts, fmt.Sprintf("returns *param%d", i))
	}
	for _, o := range f.Open {
		parts = append(parts, "open "+o.Via)
	}
	return "pagesize(" + strings.Join(parts, "; ") + ")"
}

func (f *pageFact) empty() bool {
	return len(f.Sinks) == 0 && len(f.Returns) == 0 && f.Source == "" && f.LowSource == "" && len(f.LowReturns) == 0 && f.Read == nil && len(f.Writes) == 0 && len(f.Aliases) == 0 && len(f.Open) == 0
}

// normalize sorts and deduplicates, so that facts are deterministic and
// the fixed point can compare them.
func (f *pageFact) normalize() {
	slices.SortFunc(f.Sinks, func(a, b ParamSink) int {
		if a.Index != b.Index {
			return a.Index - b.Index
		}
		if c := strings.Compare(a.Field, b.Field); c != 0 {
			return c
		}
		if a.NonPos != b.NonPos {
			return boolCmp(a.NonPos, b.NonPos)
		}
		if a.Off != b.Off {
			return boolCmp(b.Off, a.Off) // an Off sink first: it is kept
		}
		return strings.Compare(a.Sink, b.Sink) // deterministic: the first sink by name is kept
	})
	f.Sinks = slices.CompactFunc(f.Sinks, func(a, b ParamSink) bool {
		return a.Index == b.Index && a.Field == b.Field && a.NonPos == b.NonPos
	})
	slices.Sort(f.Returns)
	f.Returns = slices.Compact(f.Returns)
	slices.Sort(f.LowReturns)
	f.LowReturns = slices.Compact(f.LowReturns)
	slices.SortFunc(f.Writes, func(a, b FieldWrite) int {
		if a.Param != b.Param {
			return a.Param - b.Param
		}
		if c := strings.Compare(a.Field, b.Field); c != 0 {
			return c
		}
		if a.From != b.From {
			return a.From - b.From
		}
		if a.Skip != b.Skip {
			return a.Skip - b.Skip
		}
		return strings.Compare(a.Source, b.Source)
	})
	f.Writes = slices.Compact(f.Writes)
	slices.Sort(f.Aliases)
	f.Aliases = slices.Compact(f.Aliases)
	slices.SortFunc(f.Open, func(a, b Open) int { return strings.Compare(a.Via, b.Via) })
	f.Open = slices.Compact(f.Open)
	if len(f.Open) > maxOpen {
		f.Open = f.Open[:maxOpen]
	}
}

// maxOpen bounds the open interface methods a fact carries.
const maxOpen = 16

// boolCmp orders false before true.
func boolCmp(a, b bool) int {
	switch {
	case a == b:
		return 0
	case a:
		return 1
	}
	return -1
}

// writesTo returns the writes of field name of parameter i.
func (f *pageFact) writesTo(i int, name string) []FieldWrite {
	var out []FieldWrite
	for _, w := range f.Writes {
		if w.Param == i && w.Field == name {
			out = append(out, w)
		}
	}
	return out
}

// knownCallee reports whether what fn does to the fields of its
// parameters is known from its fact (no fact: nothing): a declared
// function of this package, or of a package the analyzer computes facts
// for (see analyzed). Interface methods, function values, the libraries and the standard
// library are not known: a struct handed to them may be bounded there
// (validate.Struct(&req)).
func (c *checker) knownCallee(common *ssa.CallCommon, fn *types.Func) bool {
	if common.IsInvoke() || fn == nil || fn.Pkg() == nil || common.StaticCallee() == nil {
		return false
	}
	if fn.Pkg() == c.pass.Pkg {
		return true
	}
	if knowledge.IsDescribed(fn.Pkg().Path()) {
		return false
	}
	return c.analyzed(fn.Pkg())
}

// analyzed reports whether run computes the facts of pkg: the test at
// the top of run, on the imported package.
func (c *checker) analyzed(pkg *types.Package) bool {
	if ok, done := c.analyzedPkgs[pkg]; done {
		return ok
	}
	ok := !analysisutil.IsStdPath(pkg.Path()) && !knowledge.IsDescribed(pkg.Path()) && analysisutil.ImportsAny(pkg, relevant...)
	c.analyzedPkgs[pkg] = ok
	return ok
}

// chain prepends a step to a chain of calls.
func chain(step, via string) string { return flow.Chain(step, via) }

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
