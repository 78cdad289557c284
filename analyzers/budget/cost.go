package budget

import (
	"cmp"
	"fmt"
	"go/token"
	"path/filepath"
	"slices"
	"strings"
	"time"
)

// Operation kinds, named as the plan's costs.
const (
	KindQuery        = "query"
	KindComplexQuery = "complex_query"
	KindTransaction  = "transaction"
	KindCacheHit     = "cache_hit"
	KindCacheMiss    = "cache_miss"
	KindExternal     = "external_call"
)

// Layers of the plan's budget an operation counts against.
const (
	LayerDatabase = "database"
	LayerExternal = "external"
)

// An Op is one operation on a function's costliest path: a query, a
// transaction, a cache read, an outbound call, with how many times it runs.
type Op struct {
	Kind  string  // KindQuery...
	What  string  // "items query", "(*net/http.Client).Do"
	Count float64 // runs per call of the function (fractional on a cache's miss path)
	Why   string  // the constant multipliers: "× 3", "× 0.1 (miss rate)"
	// Data is the bound of the loops over data around the operation (a
	// query's rows, max_page_size), and DataWhy why ("LIMIT",
	// "max_page_size", "unknown bound, max_page_size"): such bounds do not
	// compound, the largest counts once; 0 when none.
	Data    int
	DataWhy string
	// DataFrom names the open interface call whose result the loop over
	// data ranges, when Data is only the page assumed for it: resolving
	// the call replaces Data with its implementation's row bound.
	DataFrom string
	// Once: the operation runs at most once per request, whatever loop is
	// around it (a credential refreshed when it expires: the first item
	// renews it, the others find it fresh). Loops do not multiply it.
	Once bool
	Cost int64  // nanoseconds, of one run
	File string // where the operation is written
	Line int
	Col  int // 1-based, in bytes; 0 if unknown

	pos token.Pos // in the package that computed it; lost in facts
}

// Layer is the budget layer an operation counts against: external calls
// against budget.external, everything else (queries, transactions, cache
// reads) against budget.database.
func (o Op) Layer() string {
	if o.Kind == KindExternal {
		return LayerExternal
	}
	return LayerDatabase
}

// Total is the operation's cost on the path: one run times its count.
func (o Op) Total() time.Duration { return time.Duration(float64(o.Cost) * o.Count) }

// Posn is the short position of the operation: its directory and file
// name, and line ("store/items.go:41").
func (o Op) Posn() string {
	if o.File == "" {
		return ""
	}
	dir := filepath.Base(filepath.Dir(o.File))
	name := filepath.Base(o.File)
	if dir != "." && dir != string(filepath.Separator) {
		name = dir + "/" + name
	}
	return fmt.Sprintf("%s:%d", name, o.Line)
}

func (o Op) String() string { return fmt.Sprintf("%s=%s", o.Describe(), formatDuration(o.Total())) }

// Multipliers says why the operation runs more than once: "× 3 × 100 (LIMIT)".
func (o Op) Multipliers() string {
	s := o.Why
	if o.Data > 0 {
		s = strings.TrimSpace(s + " × " + formatCount(float64(o.Data)) + " (" + o.DataWhy + ")")
	}
	return s
}

// Describe names the operation with its multipliers: "items select × 100 (LIMIT)".
func (o Op) Describe() string {
	if m := o.Multipliers(); m != "" {
		return o.What + " " + m
	}
	return o.What
}

func (o Op) key() string {
	return fmt.Sprintf("%s|%s|%s|%d|%s|%d|%s|%s|%t", o.Kind, o.What, o.File, o.Line, o.Why, o.Data, o.DataWhy, o.DataFrom, o.Once)
}

// A path is the costliest way through some code: the operations run one
// after the other, and the costliest of the branches run concurrently
// with them (goroutines, errgroup), counted once.
type path struct {
	seq []Op
	par []Op // the costliest concurrent branch started so far
}

func (p path) total() time.Duration { return sum(p.seq) + sum(p.par) }

func sum(ops []Op) time.Duration {
	var t time.Duration
	for _, o := range ops {
		t += o.Total()
	}
	return t
}

// then is p followed by q.
func (p path) then(q path) path {
	out := path{seq: append(slices.Clip(p.seq), q.seq...), par: p.par}
	if heavier(q.par, p.par) {
		out.par = q.par
	}
	return out
}

// concurrently adds a branch that runs concurrently with p.
func (p path) concurrently(branch path) path {
	ops := branch.ops()
	if heavier(ops, p.par) {
		p.par = ops
	}
	return p
}

// heavier reports whether concurrent branch a outweighs b: it costs more,
// or as much with more open interface calls (which cost nothing until
// they are resolved: a goroutine that reaches its storage through the
// program's interfaces is not dropped for one that costs as little).
func heavier(a, b []Op) bool {
	if sa, sb := sum(a), sum(b); sa != sb {
		return sa > sb
	}
	return opens(a) > opens(b)
}

func opens(ops []Op) int {
	n := 0
	for _, o := range ops {
		if o.Kind == kindOpen {
			n++
		}
	}
	return n
}

// costlier returns the costlier of two alternatives (branches). An open
// interface call costs nothing here, yet it is where a handler's storage
// work usually is: it weighs open, as much as one operation of the plan
// (costs.query), so that if err != nil { return } does not win over the
// rest of the handler, which only the resolving package can price.
func costlier(p, q path, open time.Duration) path {
	if q.weight(open) > p.weight(open) {
		return q
	}
	return p
}

// weight is the known cost of a path, each open call counted as open.
func (p path) weight(open time.Duration) time.Duration {
	t := p.total()
	for _, o := range p.ops() {
		if o.Kind == kindOpen {
			t += time.Duration(float64(open) * o.Count)
		}
	}
	return t
}

// times multiplies the sequential operations of p; concurrent branches
// started in a loop still run concurrently, so they are counted once.
func (p path) times(n float64, why string) path {
	out := path{par: p.par}
	for _, o := range p.seq {
		o.Count *= n
		if why != "" {
			o.Why = strings.TrimSpace(o.Why + " " + why)
		}
		out.seq = append(out.seq, o)
	}
	return out
}

// loop multiplies p by a loop's bound: a constant multiplies; bounds over
// data (a query's rows, max_page_size) do not compound, so an operation
// inside nested loops over data runs the largest of their bounds (a page
// of rows is read once, however it is traversed).
// An operation that runs once per request is not multiplied.
func (p path) loop(b bound) path {
	out := path{par: p.par}
	for _, o := range p.seq {
		switch {
		case o.Once:
		case b.why == "":
			o.Count *= float64(b.n)
			o.Why = strings.TrimSpace(o.Why + " " + b.describe())
		default:
			o = withData(o, b)
		}
		out.seq = append(out.seq, o)
	}
	return out
}

// withData puts an operation under a loop over data of b.n elements.
// A bound the code shows (b.from empty) at least as large as an assumed
// one replaces it: resolving the open call would not lower it.
func withData(o Op, b bound) Op {
	switch {
	case o.Data == 0:
		o.Count *= float64(b.n)
		o.Data, o.DataWhy, o.DataFrom = b.n, b.why, b.from
	case b.n > o.Data:
		o.Count = o.Count / float64(o.Data) * float64(b.n)
		o.Data, o.DataWhy, o.DataFrom = b.n, b.why, b.from
	case b.n == o.Data && b.from == "":
		o.DataFrom = ""
	}
	return o
}

// rebound replaces an operation's data bound with n rows (why): the row
// bound of the implementation of the open call its loop ranged over.
func rebound(o Op, b bound) Op {
	if o.Data == 0 || b.n <= 0 {
		return o
	}
	o.Count = o.Count / float64(o.Data) * float64(b.n)
	o.Data, o.DataWhy, o.DataFrom = b.n, b.why, b.from
	return o
}

// weighted scales every operation of p by w, for a path that runs on a
// fraction of the requests (a cache's miss path).
func (p path) weighted(w float64, why string) path {
	q := path{seq: append(slices.Clip(p.seq), p.par...)}
	return q.times(w, why)
}

// once marks every operation of p as running at most once per request.
func (p path) once() path {
	out := path{}
	for _, o := range p.ops() {
		o.Once = true
		out.seq = append(out.seq, o)
	}
	return out
}

// ops flattens p: its sequential operations, then its concurrent branch.
func (p path) ops() []Op { return append(slices.Clip(p.seq), p.par...) }

// maxOps bounds the operations a summary keeps.
const maxOps = 32

// compact merges the runs of one operation and keeps the costliest
// maxOps, sorted by cost, costliest first, then up to maxOps open calls.
func compact(ops []Op) []Op {
	byKey := make(map[string]int)
	var out []Op
	for _, o := range ops {
		if o.Count <= 0 || o.Cost <= 0 && o.Kind != kindOpen {
			continue
		}
		k := o.key()
		if i, ok := byKey[k]; ok {
			out[i].Count += o.Count
			continue
		}
		byKey[k] = len(out)
		out = append(out, o)
	}
	slices.SortStableFunc(out, func(a, b Op) int {
		if c := cmp.Compare(b.Total(), a.Total()); c != 0 {
			return c
		}
		if c := cmp.Compare(a.File, b.File); c != 0 {
			return c
		}
		return cmp.Compare(a.Line, b.Line)
	})
	// Open calls cost nothing yet and sort last: they are kept apart, since
	// merged into "other operations" they could no longer be resolved.
	var known, open []Op
	for _, o := range out {
		if o.Kind == kindOpen {
			open = append(open, o)
		} else {
			known = append(known, o)
		}
	}
	if len(known) > maxOps {
		rest := Op{Kind: known[maxOps-1].Kind, What: "other operations", Count: 1}
		for _, o := range known[maxOps-1:] {
			rest.Cost += int64(o.Total())
		}
		known = append(known[:maxOps-1], rest)
	}
	return append(known, open[:min(len(open), maxOps)]...)
}

// formatDuration prints a duration rounded for people: 1.03s, 250ms, 1.5ms.
func formatDuration(d time.Duration) string {
	switch {
	case d >= time.Second:
		return trimFloat(d.Seconds(), 2) + "s"
	case d >= time.Millisecond:
		return trimFloat(float64(d)/float64(time.Millisecond), 1) + "ms"
	case d > 0:
		return trimFloat(float64(d)/float64(time.Microsecond), 0) + "µs"
	}
	return "0"
}

func trimFloat(f float64, prec int) string {
	s := fmt.Sprintf("%.*f", prec, f)
	if strings.Contains(s, ".") {
		s = strings.TrimRight(strings.TrimRight(s, "0"), ".")
	}
	return s
}

// formatCount prints a multiplier: 100, 2.5, 0.1.
func formatCount(f float64) string { return trimFloat(f, 2) }
