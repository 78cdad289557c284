package metrics

import (
	"fmt"
	"go/token"
	"go/types"
	"maps"
	"slices"

	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/ssa"

	"github.com/perfvet/perfvet/analyzers/internal/analysisutil"
	"github.com/perfvet/perfvet/analyzers/internal/flow"
	"github.com/perfvet/perfvet/analyzers/internal/knowledge"
	"github.com/perfvet/perfvet/analyzers/internal/routes"
)

// Paths that skip the metrics their function records.
//
// A method that starts a timer and observes the time since it into a
// histogram promises that histogram every request. A return after the
// method's work (a call given the request's context) that no recording
// precedes on any path from the timer drops that request from the
// latency histogram, and the counts recorded with it: openfga's Check
// returned the result of its v2 path before recording its duration and
// datastore counts, and returned the error of its command before them
// (both fixed upstream). Early returns before the work (validation,
// authorization) are not reported: no work was measured there.

// maxWalk bounds the backward walk from an observation to the calls it
// depends on.
const maxWalk = 256

// A timedObservation is a histogram or summary record of the time since
// a time.Now() of the same function.
type timedObservation struct {
	call   ssa.CallInstruction
	starts []*ssa.Call // the time.Now() calls the duration is measured from
}

// checkPaths reports returns that skip the duration observations of their
// function, one finding per function.
func (c *checker) checkPaths() {
	for _, f := range c.funcs {
		if len(f.Blocks) == 0 || f.Synthetic != "" {
			continue
		}
		c.checkPathsOf(f)
	}
}

func (c *checker) checkPathsOf(f *ssa.Function) {
	var obs []timedObservation
	for _, b := range f.Blocks {
		for _, instr := range b.Instrs {
			if ci, ok := instr.(*ssa.Call); ok {
				if starts := observedStarts(ci.Common(), f); len(starts) > 0 {
					obs = append(obs, timedObservation{ci, starts})
				}
			}
		}
	}
	if len(obs) == 0 {
		return
	}
	o := obs[0]
	d := c.metricOf(receiver(o.call.Common()))
	// The blocks that record the timed metric, and what the function's
	// records depend on.
	recording := make(map[*ssa.BasicBlock]bool)
	anyRecord := make(map[*ssa.BasicBlock]bool) // blocks that record any metric
	sources := make(map[ssa.Value]bool)
	for _, b := range f.Blocks {
		for _, instr := range b.Instrs {
			ci, ok := instr.(ssa.CallInstruction)
			if !ok {
				continue
			}
			if isRecord(ci.Common()) {
				maps.Copy(sources, dependsOn(ci))
				anyRecord[b] = true
			}
			if !c.recordsMetric(ci.Common(), d) {
				continue
			}
			if _, deferred := ci.(*ssa.Defer); deferred {
				return // a deferred record covers every path
			}
			recording[b] = true
		}
	}
	var skipped []*ssa.Return
	var work []ssa.CallInstruction
	for _, ret := range returns(f) {
		start := reachingStart(o.starts, ret)

		if start == nil || recordsBetween(start, ret, recording) || accountedFor(start, ret, anyRecord) {
			continue
		}
		if w := measuredWork(start, ret, sources); w != nil {
			skipped = append(skipped, ret)
			work = append(work, w)
		}
	}
	if len(skipped) == 0 {
		return
	}
	metric := metricVar(receiver(o.call.Common()))
	if d != nil && d.Name != "" {
		metric = d.Name
	}
	var related []analysis.RelatedInformation
	for i, ret := range skipped[1:] {
		related = append(related, analysis.RelatedInformation{Pos: ret.Pos(), Message: fmt.Sprintf("also returns without it, after %s", workName(work[i+1]))})
	}
	related = append(related, analysis.RelatedInformation{Pos: o.call.Pos(), Message: "recorded here on the other paths"})
	pos := retPos(skipped[0], f)
	c.pass.Report(analysis.Diagnostic{
		Pos: pos, Category: CategoryPath, Related: analysisutil.BoundedRelated(c.pass.Fset, related),
		Message: fmt.Sprintf("%s returns here after %s without recording %s, which its other paths observe with the time since %s: requests that end on this path are missing from the latency histogram; record the metrics on this path too (or in a defer)",
			f.Name(), workName(work[0]), metric, c.posn(o.starts[0].Pos())),
	})
}

// recordsMetric reports whether a call records a metric of the function:
// a recording method, or a helper that records the timed metric d (or an
// instrumentation library). A helper of this package is followed to the
// definition itself, so that one that records other metrics of unknown
// name (openfga's v2Check, whose namespace is a variable) does not count;
// another package's is known by its facts, by d's name or, when the name
// is unknown, by an unnamed histogram.
func (c *checker) recordsMetric(call *ssa.CallCommon, d *definition) bool {
	if isRecord(call) {
		return d == nil || sameMetric(c.metricOf(receiver(call)), d)
	}
	callee := call.StaticCallee()
	if callee == nil {
		return false
	}
	if d != nil && callee.Package() != nil && callee.Package().Pkg == c.pass.Pkg {
		return c.recordsDef(callee, d, make(map[*ssa.Function]bool))
	}
	f, library := c.funcRecords(callee)
	switch {
	case library:
		return true
	case f == nil:
		return false
	case d != nil && d.Name != "":
		return slices.Contains(f.Metrics, d.Name)
	}
	return f.Unnamed
}

// sameMetric reports whether two definitions are one metric: by name, or
// the same definition when a name is unknown.
func sameMetric(a, b *definition) bool {
	if a == nil || b == nil {
		return false
	}
	return a == b || a.Name != "" && a.Name == b.Name
}

// recordsDef reports whether fn, its function literals or the functions of
// this package it calls record the metric d.
func (c *checker) recordsDef(fn *ssa.Function, d *definition, seen map[*ssa.Function]bool) bool {
	if seen[fn] || len(seen) > maxWalk {
		return false
	}
	seen[fn] = true
	for _, b := range fn.Blocks {
		for _, instr := range b.Instrs {
			ci, ok := instr.(ssa.CallInstruction)
			if !ok {
				continue
			}
			call := ci.Common()
			if isRecord(call) {
				if sameMetric(c.metricOf(receiver(call)), d) {
					return true
				}
				continue
			}
			if callee := call.StaticCallee(); callee != nil && callee.Package() != nil && callee.Package().Pkg == c.pass.Pkg && c.recordsDef(callee, d, seen) {
				return true
			}
		}
	}
	for _, anon := range fn.AnonFuncs {
		if c.recordsDef(anon, d, seen) {
			return true
		}
	}
	return false
}

// metricVar names the variable or field that holds the metric a record's
// receiver comes from (through WithLabelValues and the like), for a metric
// whose name is not constant; "the histogram" if there is none.
func metricVar(v ssa.Value) string {
	for range 8 {
		switch x := flow.Unwrap(v).(type) {
		case *ssa.Call:
			if !knowledge.LabelBinders[flow.CalleeName(x.Common())] {
				return "the histogram"
			}
			v = receiver(x.Common())
		case *ssa.UnOp:
			switch y := x.X.(type) {
			case *ssa.Global:
				return y.Name()
			case *ssa.FieldAddr:
				if f := fieldVar(y.X.Type(), y.Field); f != nil {
					return f.Name()
				}
			}
			return "the histogram"
		default:
			return "the histogram"
		}
	}
	return "the histogram"
}

// isRecord reports whether a call is a recording method.
func isRecord(call *ssa.CallCommon) bool {
	_, ok := knowledge.RecordMethods[flow.CalleeName(call)]
	return ok
}

// observedStarts returns the time.Now() calls of fn that a histogram or
// summary record measures the time since: Observe(time.Since(t).Seconds()),
// Observe(float64(time.Since(t).Milliseconds())), Record(ctx, d.Seconds()).
func observedStarts(call *ssa.CallCommon, fn *ssa.Function) []*ssa.Call {
	switch knowledge.RecordMethods[flow.CalleeName(call)] {
	case knowledge.Histogram, knowledge.Summary:
	default:
		return nil
	}
	var out []*ssa.Call
	for _, a := range args(call) {
		for _, s := range durationStarts(a, 0) {
			if s.Parent() == fn {
				out = append(out, s)
			}
		}
	}
	return out
}

// durationStarts returns the time.Now() calls a duration value (or a
// count of its units) is measured from.
func durationStarts(v ssa.Value, depth int) []*ssa.Call {
	if depth > 8 {
		return nil
	}
	switch x := flow.Unconvert(v).(type) {
	case *ssa.BinOp: // a scale: d / 1e3, d * k
		return append(durationStarts(x.X, depth+1), durationStarts(x.Y, depth+1)...)
	case *ssa.UnOp:
		return throughVariable(x, depth, durationStarts)
	case *ssa.Call:
		a := x.Call.Args
		switch flow.CalleeName(&x.Call) {
		case "time.Since":
			return timeStarts(a[0], depth+1)
		case "(time.Time).Sub":
			return timeStarts(a[1], depth+1)
		case "(time.Duration).Seconds", "(time.Duration).Milliseconds", "(time.Duration).Microseconds", "(time.Duration).Nanoseconds", "(time.Duration).Minutes":
			return durationStarts(a[0], depth+1)
		}
	}
	return nil
}

// timeStarts returns the time.Now() calls a time value is: one, or each
// edge of a phi (a timer restarted on one path).
func timeStarts(v ssa.Value, depth int) []*ssa.Call {
	if depth > 8 {
		return nil
	}
	switch x := v.(type) {
	case *ssa.Call:
		if flow.CalleeName(&x.Call) == "time.Now" {
			return []*ssa.Call{x}
		}
	case *ssa.Phi:
		var out []*ssa.Call
		for _, e := range x.Edges {
			s := timeStarts(e, depth+1)
			if s == nil {
				return nil
			}
			out = append(out, s...)
		}
		return out
	case *ssa.UnOp:
		return throughVariable(x, depth, timeStarts)
	}
	return nil
}

// throughVariable applies starts to every value stored in the local
// variable a load reads.
func throughVariable(load *ssa.UnOp, depth int, starts func(ssa.Value, int) []*ssa.Call) []*ssa.Call {
	a, ok := load.X.(*ssa.Alloc)
	if !ok || load.Op != token.MUL {
		return nil
	}
	var out []*ssa.Call
	for _, st := range storedValues(a) {
		out = append(out, starts(st, depth+1)...)
	}
	return out
}

// dependsOn returns the calls whose results an observation depends on:
// through its arguments, the label values of its receiver chain, field
// loads and method calls on those results, and calls that compute a
// number or a string from them (a label bucketed from a count). A value
// handed to a call that builds something else (a command from a type
// system) is not followed.
func dependsOn(obs ssa.CallInstruction) map[ssa.Value]bool {
	out := make(map[ssa.Value]bool)
	seen := make(map[ssa.Value]bool)
	var walk func(v ssa.Value, chain bool)
	walk = func(v ssa.Value, chain bool) {
		if v == nil || seen[v] || len(seen) > maxWalk || isContext(v.Type()) {
			return // a context carries the request, not what the work returned
		}
		seen[v] = true
		switch x := v.(type) {
		case *ssa.Call:
			out[x] = true
			common := x.Common()
			if common.IsInvoke() {
				walk(common.Value, chain)
			} else if common.Signature().Recv() != nil && len(common.Args) > 0 {
				walk(common.Args[0], chain)
			}
			if chain || isBasic(x.Type()) {
				for _, a := range common.Args {
					walk(a, false)
				}
			}
		case *ssa.Extract:
			walk(x.Tuple, chain)
		case *ssa.UnOp:
			walk(x.X, chain)
			if a, ok := x.X.(*ssa.Alloc); ok {
				for _, st := range storedValues(a) {
					walk(st, chain)
				}
			}
		case *ssa.FieldAddr:
			walk(x.X, false)
		case *ssa.Field:
			walk(x.X, false)
		case *ssa.BinOp:
			walk(x.X, false)
			walk(x.Y, false)
		case *ssa.Phi:
			for _, e := range x.Edges {
				walk(e, false)
			}
		case *ssa.Slice: // a variadic call's arguments
			elems, ok := routes.VariadicElems(x)
			if !ok {
				walk(x.X, chain)
			}
			for _, e := range elems {
				walk(e, false)
			}
		case *ssa.Convert:
			walk(x.X, chain)
		case *ssa.ChangeType:
			walk(x.X, chain)
		case *ssa.MakeInterface:
			walk(x.X, chain)
		case *ssa.TypeAssert:
			walk(x.X, chain)
		}
	}
	common := obs.Common()
	for _, a := range common.Args {
		walk(a, true)
	}
	if common.IsInvoke() {
		walk(common.Value, true)
	}
	return out
}

func isBasic(t types.Type) bool {
	_, ok := t.Underlying().(*types.Basic)
	return ok
}

// reachingStart returns the first of starts from which ret can be
// reached, or nil.
func reachingStart(starts []*ssa.Call, ret *ssa.Return) *ssa.Call {
	for _, s := range starts {
		if s.Block() == ret.Block() || reaches(s.Block(), ret.Block()) {
			return s
		}
	}
	return nil
}

// reaches reports whether block to can be reached from block from by at
// least one edge.
func reaches(from, to *ssa.BasicBlock) bool {
	seen := map[*ssa.BasicBlock]bool{}
	work := slices.Clone(from.Succs)
	for len(work) > 0 {
		b := work[len(work)-1]
		work = work[:len(work)-1]
		if b == to {
			return true
		}
		if seen[b] {
			continue
		}
		seen[b] = true
		work = append(work, b.Succs...)
	}
	return false
}

// between returns the blocks on some path from block from to block to,
// both included.
func between(from, to *ssa.BasicBlock) []*ssa.BasicBlock {
	fwd := map[*ssa.BasicBlock]bool{from: true}
	work := []*ssa.BasicBlock{from}
	for len(work) > 0 {
		b := work[len(work)-1]
		work = work[:len(work)-1]
		for _, s := range b.Succs {
			if !fwd[s] {
				fwd[s] = true
				work = append(work, s)
			}
		}
	}
	back := map[*ssa.BasicBlock]bool{to: true}
	work = []*ssa.BasicBlock{to}
	var out []*ssa.BasicBlock
	for len(work) > 0 {
		b := work[len(work)-1]
		work = work[:len(work)-1]
		if fwd[b] {
			out = append(out, b)
		}
		for _, p := range b.Preds {
			if !back[p] {
				back[p] = true
				work = append(work, p)
			}
		}
	}
	return out
}

// recordsBetween reports whether a block on some path from the timer's
// start to ret records a metric.
func recordsBetween(start *ssa.Call, ret *ssa.Return, recording map[*ssa.BasicBlock]bool) bool {
	for _, b := range between(start.Block(), ret.Block()) {
		if recording[b] {
			return true
		}
	}
	return false
}

// accountedFor reports whether every path from the timer's start to ret
// records some metric: a path the function counts under a metric of its
// own (openfga's shared-iterator bypass, counted as bypassed and not
// timed) is accounted for; a record under a condition on the path (a
// throttling counter on some errors) is not.
func accountedFor(start *ssa.Call, ret *ssa.Return, anyRecord map[*ssa.BasicBlock]bool) bool {
	for _, b := range between(start.Block(), ret.Block()) {
		if anyRecord[b] && b.Dominates(ret.Block()) && (b != start.Block() || recordAfter(b, start)) {
			return true
		}
	}
	return false
}

// recordAfter reports whether block b records a metric after instr.
func recordAfter(b *ssa.BasicBlock, instr ssa.Instruction) bool {
	for _, in := range b.Instrs[index(b, instr)+1:] {
		if ci, ok := in.(ssa.CallInstruction); ok && isRecord(ci.Common()) {
			return true
		}
	}
	return false
}

// measuredWork returns the call on every path from the timer's start to
// ret that does the work the timer measures: a call given a context that
// dominates ret and either feeds the observation (sources) or gives ret a
// result that is not an error. nil if there is none: an early return
// before the work.
func measuredWork(start *ssa.Call, ret *ssa.Return, sources map[ssa.Value]bool) ssa.CallInstruction {
	returned := make(map[ssa.Value]bool)
	for _, r := range ret.Results {
		r = resultStored(ret, r)
		if isError(r.Type()) {
			continue
		}
		if k, ok := r.(*ssa.Const); ok && k.IsNil() {
			continue
		}
		switch x := flow.Unconvert(r).(type) {
		case *ssa.Extract:
			returned[x.Tuple] = true
		case *ssa.Call:
			returned[x] = true
		}
	}
	for _, b := range between(start.Block(), ret.Block()) {
		if !b.Dominates(ret.Block()) {
			continue
		}
		for _, instr := range b.Instrs {
			call, ok := instr.(*ssa.Call)
			if !ok || !takesContext(call.Common()) {
				continue
			}
			if b == start.Block() && index(b, call) < index(b, start) {
				continue
			}
			if sources[call] || returned[call] {
				return call
			}
		}
	}
	return nil
}

// resultStored returns the value a return's result is: in a function with
// defers, go/ssa stores each result in a slot before running them and
// returns a load of it.
func resultStored(ret *ssa.Return, r ssa.Value) ssa.Value {
	load, ok := r.(*ssa.UnOp)
	if !ok || load.Op != token.MUL {
		return r
	}
	slot, ok := load.X.(*ssa.Alloc)
	if !ok {
		return r
	}
	for b := ret.Block(); b != nil; {
		for i := len(b.Instrs) - 1; i >= 0; i-- {
			if st, ok := b.Instrs[i].(*ssa.Store); ok && st.Addr == slot {
				return st.Val
			}
		}
		if len(b.Preds) != 1 {
			break
		}
		b = b.Preds[0]
	}
	return r
}

func index(b *ssa.BasicBlock, instr ssa.Instruction) int { return slices.Index(b.Instrs, instr) }

func takesContext(call *ssa.CallCommon) bool {
	return slices.ContainsFunc(call.Args, func(a ssa.Value) bool { return isContext(a.Type()) })
}

func isContext(t types.Type) bool { return analysisutil.IsNamed(t, knowledge.Context, "Context") }

func isError(t types.Type) bool { return types.Identical(t, types.Universe.Lookup("error").Type()) }

// workName names the call a path returns after.
func workName(call ssa.CallInstruction) string {
	common := call.Common()
	if common.IsInvoke() {
		return common.Method.Name()
	}
	if callee := common.StaticCallee(); callee != nil {
		if obj, ok := callee.Object().(*types.Func); ok {
			return analysisutil.Display(obj)
		}
		return callee.Name()
	}
	return "its work"
}

// retPos returns the position of a return statement, or of its function's
// end for an implicit one.
func retPos(ret *ssa.Return, f *ssa.Function) token.Pos {
	if ret.Pos().IsValid() {
		return ret.Pos()
	}
	return f.Pos()
}
