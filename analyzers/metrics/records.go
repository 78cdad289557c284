package metrics

import (
	"go/token"
	"go/types"
	"iter"
	"strings"

	"golang.org/x/tools/go/ssa"

	"github.com/perfvet/perfvet/analyzers/internal/analysisutil"
	"github.com/perfvet/perfvet/analyzers/internal/flow"
	"github.com/perfvet/perfvet/analyzers/internal/knowledge"
	"github.com/perfvet/perfvet/analyzers/internal/routes"
)

// bindStorage records which package-level variables and struct fields
// hold which of the package's metric definitions: a recording through the
// variable is a recording of the metric.
func (c *checker) bindStorage() {
	for _, f := range c.funcs {
		for _, b := range f.Blocks {
			for _, instr := range b.Instrs {
				st, ok := instr.(*ssa.Store)
				if !ok {
					continue
				}
				obj := storageObj(st.Addr)
				if obj == nil {
					continue
				}
				if _, done := c.defsByObj[obj]; done {
					continue
				}
				if d := c.metricOf(st.Val); d != nil {
					c.defsByObj[obj] = d
				}
			}
		}
	}
}

// storageObj returns the package-level variable or struct field an
// address denotes, or nil.
func storageObj(addr ssa.Value) types.Object {
	switch a := addr.(type) {
	case *ssa.Global:
		return a.Object()
	case *ssa.FieldAddr:
		return fieldVar(a.X.Type(), a.Field)
	}
	return nil
}

// fieldVar returns field i of the struct t points to (or is).
func fieldVar(t types.Type, i int) *types.Var {
	t = types.Unalias(t)
	if p, ok := t.Underlying().(*types.Pointer); ok {
		t = p.Elem()
	}
	s, ok := t.Underlying().(*types.Struct)
	if !ok || i < 0 || i >= s.NumFields() {
		return nil
	}
	return s.Field(i)
}

// metricOf follows a value back to the metric definition it holds: the
// defining call, a label binding of a vector (WithLabelValues, With), a
// variable or field that holds a definition, here or (by fact) in another
// package.
func (c *checker) metricOf(v ssa.Value) *definition {
	return c.metricIn(v, 0, make(map[ssa.Value]bool))
}

// metricIn is metricOf's search, which visits each value once: the phis
// of a function's loops reach each other, and walking their edges again
// on every path took notifuse's services 7 seconds.
func (c *checker) metricIn(v ssa.Value, depth int, seen map[ssa.Value]bool) *definition {
	if v == nil || depth > 10 || seen[v] {
		return nil
	}
	seen[v] = true
	switch v := unwrap(v).(type) {
	case *ssa.Call:
		if d := c.defsByPos[v.Common().Pos()]; d != nil {
			return d
		}
		if knowledge.LabelBinders[flow.CalleeName(v.Common())] {
			return c.metricIn(receiver(v.Common()), depth+1, seen)
		}
	case *ssa.Extract:
		return c.metricIn(v.Tuple, depth+1, seen)
	case *ssa.UnOp:
		if v.Op != token.MUL {
			return nil
		}
		switch x := v.X.(type) {
		case *ssa.Global, *ssa.FieldAddr:
			obj := storageObj(x)
			if d := c.defsByObj[obj]; d != nil {
				return d
			}
			return c.importedDef(obj)
		case *ssa.Alloc:
			return c.metricIn(routes.OnlyStore(x), depth+1, seen)
		case *ssa.FreeVar:
			return c.metricIn(c.freeVarBinding(x), depth+1, seen)
		}
	case *ssa.Field:
		obj := fieldVar(v.X.Type(), v.Field)
		if d := c.defsByObj[obj]; d != nil {
			return d
		}
		return c.importedDef(obj)
	case *ssa.FreeVar:
		return c.metricIn(c.freeVarBinding(v), depth+1, seen)
	case *ssa.Phi:
		for _, e := range v.Edges {
			if d := c.metricIn(e, depth+1, seen); d != nil {
				return d
			}
		}
	}
	return nil
}

// callsIn yields the call instructions of funcs, with the function each
// is in.
func callsIn(funcs []*ssa.Function) iter.Seq2[*ssa.Function, ssa.CallInstruction] {
	return func(yield func(*ssa.Function, ssa.CallInstruction) bool) {
		for _, fn := range funcs {
			for _, b := range fn.Blocks {
				for _, instr := range b.Instrs {
					if ci, ok := instr.(ssa.CallInstruction); ok && !yield(fn, ci) {
						return
					}
				}
			}
		}
	}
}

// returns returns the return instructions of fn.
func returns(fn *ssa.Function) []*ssa.Return {
	var out []*ssa.Return
	for _, b := range fn.Blocks {
		if n := len(b.Instrs); n > 0 {
			if ret, ok := b.Instrs[n-1].(*ssa.Return); ok {
				out = append(out, ret)
			}
		}
	}
	return out
}

// unwrap strips the conversions that keep what a value denotes: to an
// interface, between interfaces, between types of one underlying type,
// and type assertions.
func unwrap(v ssa.Value) ssa.Value { return flow.Unwrap(v) }

// receiver returns the receiver of a method call, static or dynamic.
func receiver(call *ssa.CallCommon) ssa.Value { return routes.Receiver(call) }

// args returns a call's arguments without the receiver of a static method
// call, so that they line up with the parameters the knowledge tables
// index.
func args(call *ssa.CallCommon) []ssa.Value { return routes.Args(call) }

// storedValues returns the values stored in a local variable.
func storedValues(a *ssa.Alloc) []ssa.Value {
	var out []ssa.Value
	for _, ref := range flow.Referrers(a) {
		if st, ok := ref.(*ssa.Store); ok && st.Addr == a {
			out = append(out, st.Val)
		}
	}
	return out
}

// freeVarBinding returns the value a closure's free variable is bound to
// where the closure is made.
func (c *checker) freeVarBinding(fv *ssa.FreeVar) ssa.Value { return flow.Binding(fv) }

// computeRecords computes the records facts of the package's declared
// functions, iterating to a fixed point so that chains of helpers inside
// the package are followed.
func (c *checker) computeRecords() {
	flow.Fixpoint(flow.DeclaredFuncs(c.funcs), c.records, func(f *ssa.Function) (*recordsFact, bool) {
		nf := c.recordsFor(f)
		return nf, !nf.empty()
	})
}

// recordsFor computes what a function and its function literals record,
// directly or through the functions they call or refer to.
func (c *checker) recordsFor(fn *ssa.Function) *recordsFact {
	f := &recordsFact{}
	var visit func(fn *ssa.Function)
	visit = func(fn *ssa.Function) {
		for _, b := range fn.Blocks {
			for _, instr := range b.Instrs {
				if ci, ok := instr.(ssa.CallInstruction); ok {
					c.recordsOfCall(ci.Common(), f)
				}
				for _, op := range instr.Operands(nil) {
					if op == nil {
						continue
					}
					if ref, ok := (*op).(*ssa.Function); ok {
						c.recordsOfFuncValue(ref, f)
					}
				}
			}
		}
		for _, anon := range fn.AnonFuncs {
			visit(anon)
		}
	}
	visit(fn)
	return f
}

// recordsOfCall adds to f what one call records.
func (c *checker) recordsOfCall(call *ssa.CallCommon, f *recordsFact) {
	name := flow.CalleeName(call)
	if kind, ok := knowledge.RecordMethods[name]; ok {
		target := receiver(call)
		if knowledge.RecordsArgument[name] {
			target = nil
			if len(call.Args) > 0 {
				target = call.Args[0]
			}
		}
		c.addRecording(f, c.metricOf(target), kind)
		return
	}
	if in, ok := knowledge.Instrumenters[name]; ok {
		if in.MetricArg >= 0 {
			if a := args(call); in.MetricArg < len(a) {
				c.addRecording(f, c.metricOf(a[in.MetricArg]), knowledge.Histogram)
			}
		}
		if f.Library == "" {
			f.Library = displayName(name)
		}
		return
	}
	if callee := call.StaticCallee(); callee != nil {
		if obj, ok := callee.Object().(*types.Func); ok {
			f.merge(c.recordsOf(obj))
		}
	}
}

// recordsOfFuncValue adds to f what a function used as a value records:
// a middleware passed to Use, an interceptor, a handler.
func (c *checker) recordsOfFuncValue(fn *ssa.Function, f *recordsFact) {
	obj, ok := fn.Object().(*types.Func)
	if !ok || obj == nil {
		return
	}
	if _, ok := knowledge.Instrumenters[analysisutil.FullName(obj)]; ok {
		if f.Library == "" {
			f.Library = analysisutil.Display(obj)
		}
		return
	}
	f.merge(c.recordsOf(obj))
}

func (c *checker) addRecording(f *recordsFact, d *definition, kind string) {
	switch {
	case d != nil && d.Name != "":
		f.addMetric(d.Name)
	case kind == knowledge.Histogram || kind == knowledge.Summary:
		f.Unnamed = true
	}
}

// displayName shortens a full function name to the way users write it:
// "go.opentelemetry.io/.../otelhttp.NewHandler" to "otelhttp.NewHandler".
func displayName(full string) string {
	if rest, ok := strings.CutPrefix(full, "("); ok {
		recv, method, ok := strings.Cut(rest, ").")
		if !ok {
			return full
		}
		star := ""
		if r, ok := strings.CutPrefix(recv, "*"); ok {
			star, recv = "*", r
		}
		return "(" + star + lastSegment(recv) + ")." + method
	}
	return lastSegment(full)
}

func lastSegment(path string) string {
	for i := len(path) - 1; i >= 0; i-- {
		if path[i] == '/' {
			return path[i+1:]
		}
	}
	return path
}

// valueInstruments reports whether a handler or middleware value records
// request metrics when it runs: a function whose fact says it
// instruments, the result of calling one (metrics.Instrument(h)), or of an
// instrumentation library (otelhttp.NewHandler(h, "op")).
func (c *checker) valueInstruments(v ssa.Value, depth int) bool {
	if v == nil || depth > 8 {
		return false
	}
	switch v := unwrap(v).(type) {
	case *ssa.Function:
		return c.funcInstruments(v)
	case *ssa.MakeClosure:
		return c.funcInstruments(v.Fn.(*ssa.Function))
	case *ssa.Phi:
		for _, e := range v.Edges {
			if c.valueInstruments(e, depth+1) {
				return true
			}
		}
	case *ssa.Extract:
		return c.valueInstruments(v.Tuple, depth+1)
	case *ssa.Call:
		name := flow.CalleeName(v.Common())
		if _, ok := knowledge.Instrumenters[name]; ok {
			return true
		}
		if callee := v.Common().StaticCallee(); callee != nil {
			if c.funcInstruments(callee) {
				return true
			}
			// A wrapper around an instrumented handler
			// (http.StripPrefix("/api", metrics.Instrument(h))).
			for _, a := range v.Common().Args {
				if c.valueInstruments(a, depth+1) {
					return true
				}
			}
		}
		// http.HandlerFunc(f) and friends are conversions; a call
		// through a function value (mw(h)) is checked by its value.
		if !v.Common().IsInvoke() && v.Common().StaticCallee() == nil {
			return c.valueInstruments(v.Common().Value, depth+1)
		}
	}
	return false
}

// funcInstruments reports whether calling fn records request metrics.
func (c *checker) funcInstruments(fn *ssa.Function) bool {
	f, library := c.funcRecords(fn)
	return library || c.instruments(f)
}

// funcRecords returns what calling fn records, and whether fn is an
// instrumentation library's (knowledge.Instrumenters).
func (c *checker) funcRecords(fn *ssa.Function) (f *recordsFact, library bool) {
	if obj, ok := fn.Object().(*types.Func); ok && obj != nil {
		if _, ok := knowledge.Instrumenters[analysisutil.FullName(obj)]; ok {
			return nil, true
		}
		return c.recordsOf(obj), false
	}
	// A function literal: what it records, computed on the spot.
	return c.recordsFor(fn), false
}
