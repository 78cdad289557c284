package metrics

import (
	"fmt"
	"go/ast"
	"go/token"
	"go/types"
	"strings"

	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/ssa"

	"github.com/perfvet/perfvet/analyzers/internal/flow"
	"github.com/perfvet/perfvet/analyzers/internal/knowledge"
)

// This file checks the unit of what a histogram observes against the unit
// of its buckets: a duration observed in milliseconds into buckets in
// seconds (client_golang's default 0.005 to 10) lands in the top buckets,
// and the histogram's quantiles say nothing about the latency objectives.

// secondsScale is the largest top bucket boundary of a histogram read as
// one in seconds: a minute.
const secondsScale = 60

// checkUnits reports observations of a histogram in seconds of a duration
// counted in another unit, at the observation.
func (c *checker) checkUnits() {
	for _, ci := range callsIn(c.funcs) {
		call := ci.Common()
		name := flow.CalleeName(call)
		if knowledge.RecordMethods[name] != knowledge.Histogram || !strings.HasSuffix(name, ".Observe") || len(args(call)) != 1 {
			continue
		}
		d := c.metricOf(receiver(call))
		if d == nil || d.Kind != knowledge.Histogram || d.Name == "" {
			continue
		}
		inSeconds := strings.HasSuffix(strings.TrimSuffix(d.Name, "_total"), "_seconds")
		if !inSeconds && (d.TopBucket <= 0 || d.TopBucket > secondsScale) {
			continue
		}
		unit, how := observedUnit(args(call)[0])
		if unit == "" {
			continue
		}
		buckets := "its buckets are in seconds"
		switch {
		case d.DefaultBuckets:
			buckets = "its buckets are client_golang's default, in seconds (0.005 to 10)"
		case inSeconds:
			buckets = "its name and buckets are in seconds"
		}
		c.pass.Report(analysis.Diagnostic{
			Pos: c.observationStart(ci.Pos()), End: ci.Pos(), Category: CategoryUnit,
			Message: fmt.Sprintf("%s observes %s (%s), but %s, so almost every observation lands in the top bucket and its quantiles cannot show the latency objectives; observe seconds (d.Seconds())", d.Name, unit, how, buckets),
		})
	}
}

// observationStart returns the start of the call expression whose left
// parenthesis is at lparen (the receiver chain included), or lparen.
func (c *checker) observationStart(lparen token.Pos) token.Pos {
	for n := range c.insp.PreorderSeq((*ast.CallExpr)(nil)) {
		if call := n.(*ast.CallExpr); call.Lparen == lparen {
			if sel, ok := call.Fun.(*ast.SelectorExpr); ok {
				return sel.Sel.Pos()
			}
			return call.Pos()
		}
	}
	return lparen
}

// observedUnit returns the unit of a duration value counted in another
// unit than seconds, and how it was counted: float64(d.Milliseconds()),
// float64(d) (nanoseconds); "" if the value is not such a count.
func observedUnit(v ssa.Value) (unit, how string) {
	for range 4 {
		switch x := v.(type) {
		case *ssa.Convert:
			if isDuration(x.X.Type()) {
				return "nanoseconds", "a time.Duration converted to float64"
			}
			v = x.X
			continue
		case *ssa.Call:
			if u, ok := knowledge.DurationUnits[flow.CalleeName(x.Common())]; ok {
				return u, "time.Duration." + methodName(flow.CalleeName(x.Common()))
			}
		}
		return "", ""
	}
	return "", ""
}

func isDuration(t types.Type) bool {
	n, ok := types.Unalias(t).(*types.Named)
	return ok && n.Obj().Pkg() != nil && n.Obj().Pkg().Path() == "time" && n.Obj().Name() == "Duration"
}

func methodName(full string) string {
	if i := strings.LastIndex(full, "."); i >= 0 {
		return full[i+1:]
	}
	return full
}
