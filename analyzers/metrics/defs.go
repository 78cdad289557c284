package metrics

import (
	"cmp"
	"go/ast"
	"go/constant"
	"go/token"
	"go/types"
	"math"
	"slices"
	"strings"

	"github.com/perfvet/perfvet/analyzers/internal/analysisutil"
	"github.com/perfvet/perfvet/analyzers/internal/knowledge"
)

// A definition is a metric defined in this package, with the syntax that
// defines it, for findings at the offending field.
type definition struct {
	Def
	call        *ast.CallExpr
	nameExpr    ast.Expr // where the name is written, or nil
	labelsExpr  ast.Expr // the label names, or nil
	bucketsExpr ast.Expr // the Buckets field, bucket option or argument, or nil
	optsExpr    ast.Expr // the *Opts literal, or nil
	buckets     []float64
	// bucketsKnown: buckets holds the histogram's boundaries, given or
	// (defaultBuckets) the library's default.
	bucketsKnown   bool
	defaultBuckets bool
	unit           string // OTel WithUnit, or ""
	library        bool   // defined by an instrumentation library on the program's behalf
	latency        bool   // a library's histogram of request durations (knowledge.LibMetric.Latency)
	fixedBuckets   bool   // VictoriaMetrics' log-scale histogram: no boundaries to choose
}

// indexAssignments records the values assigned to each variable and
// field in the package, so that a name, a label list or a bucket slice
// held in a variable assigned once can be read.
func (c *checker) indexAssignments() {
	info := c.pass.TypesInfo
	add := func(lhs ast.Expr, rhs ast.Expr) {
		var obj types.Object
		switch l := ast.Unparen(lhs).(type) {
		case *ast.Ident:
			obj = info.ObjectOf(l)
		case *ast.SelectorExpr:
			obj = info.ObjectOf(l.Sel)
		}
		if obj != nil {
			c.assigns[obj] = append(c.assigns[obj], rhs)
		}
	}
	for n := range c.insp.PreorderSeq((*ast.ValueSpec)(nil), (*ast.AssignStmt)(nil), (*ast.IncDecStmt)(nil), (*ast.UnaryExpr)(nil)) {
		switch n := n.(type) {
		case *ast.ValueSpec:
			for i, name := range n.Names {
				if i < len(n.Values) && len(n.Names) == len(n.Values) {
					add(name, n.Values[i])
				} else {
					add(name, nil)
				}
			}
		case *ast.AssignStmt:
			for i, lhs := range n.Lhs {
				if len(n.Lhs) == len(n.Rhs) && (n.Tok == token.ASSIGN || n.Tok == token.DEFINE) {
					add(lhs, n.Rhs[i])
				} else {
					add(lhs, nil) // x, err := f(), or x += y: not a value we can read
				}
			}
		case *ast.IncDecStmt:
			add(n.X, nil)
		case *ast.UnaryExpr:
			if n.Op == token.AND {
				add(n.X, nil) // its address is taken: it may change anywhere
			}
		}
	}
}

// resolve follows a variable assigned exactly once in this package to the
// expression assigned, and strips parentheses and &.
func (c *checker) resolve(e ast.Expr) ast.Expr {
	for range 8 {
		e = ast.Unparen(e)
		if u, ok := e.(*ast.UnaryExpr); ok && u.Op == token.AND {
			e = ast.Unparen(u.X)
		}
		var obj types.Object
		switch x := e.(type) {
		case *ast.Ident:
			obj = c.pass.TypesInfo.Uses[x]
		case *ast.SelectorExpr:
			if _, isPkg := c.pass.TypesInfo.Uses[x.Sel].(*types.Var); isPkg {
				obj = c.pass.TypesInfo.Uses[x.Sel]
			}
		}
		v, ok := obj.(*types.Var)
		if !ok || v.IsField() {
			return e
		}
		vals := c.assigns[v]
		if len(vals) != 1 || vals[0] == nil {
			return e
		}
		e = vals[0]
	}
	return e
}

// constString returns the constant string value of e, through variables
// assigned once.
func (c *checker) constString(e ast.Expr) (string, bool) {
	if e == nil {
		return "", false
	}
	if tv, ok := c.pass.TypesInfo.Types[e]; ok && tv.Value != nil && tv.Value.Kind() == constant.String {
		return constant.StringVal(tv.Value), true
	}
	r := c.resolve(e)
	if r == e {
		return "", false
	}
	return c.constString(r)
}

// stringList returns the constant elements of a []string literal (or nil).
func (c *checker) stringList(e ast.Expr) ([]string, bool) {
	e = c.resolve(e)
	if isNil(c.pass.TypesInfo, e) {
		return []string{}, true
	}
	lit, ok := e.(*ast.CompositeLit)
	if !ok {
		return nil, false
	}
	out := []string{}
	for _, elt := range lit.Elts {
		s, ok := c.constString(elt)
		if !ok {
			return nil, false
		}
		out = append(out, s)
	}
	return out, true
}

// floatList evaluates a bucket list: a []float64 literal of constants,
// prometheus.DefBuckets, or LinearBuckets, ExponentialBuckets and
// ExponentialBucketsRange of constants.
func (c *checker) floatList(e ast.Expr) ([]float64, bool) {
	e = c.resolve(e)
	info := c.pass.TypesInfo
	switch x := e.(type) {
	case *ast.CompositeLit:
		var out []float64
		for _, elt := range x.Elts {
			f, ok := constFloat(info, elt)
			if !ok {
				return nil, false
			}
			out = append(out, f)
		}
		return out, true
	case *ast.SelectorExpr, *ast.Ident:
		var id *ast.Ident
		if sel, ok := x.(*ast.SelectorExpr); ok {
			id = sel.Sel
		} else {
			id = x.(*ast.Ident)
		}
		if v, ok := info.Uses[id].(*types.Var); ok && v.Pkg() != nil && v.Pkg().Path()+"."+v.Name() == knowledge.DefBucketsVar {
			return append([]float64(nil), knowledge.DefBuckets...), true
		}
	case *ast.CallExpr:
		fn := analysisutil.Callee(info, x)
		kind := knowledge.BucketFuncs[analysisutil.FullName(fn)]
		if kind == "" || len(x.Args) != 3 {
			return nil, false
		}
		a, ok1 := constFloat(info, x.Args[0])
		b, ok2 := constFloat(info, x.Args[1])
		n, ok3 := constFloat(info, x.Args[2])
		if !ok1 || !ok2 || !ok3 || n < 1 || n > 10000 || n != math.Trunc(n) {
			return nil, false
		}
		return bucketSeries(kind, a, b, int(n))
	}
	return nil, false
}

// bucketSeries computes client_golang's bucket helpers.
func bucketSeries(kind string, a, b float64, n int) ([]float64, bool) {
	out := make([]float64, n)
	switch kind {
	case "linear":
		for i := range out {
			out[i] = a + float64(i)*b
		}
	case "exponential":
		if a <= 0 || b <= 1 {
			return nil, false
		}
		for i := range out {
			out[i] = a * math.Pow(b, float64(i))
		}
	case "exponential-range":
		if a <= 0 || b <= a || n < 2 {
			return nil, false
		}
		f := math.Pow(b/a, 1/float64(n-1))
		for i := range out {
			out[i] = a * math.Pow(f, float64(i))
		}
	default:
		return nil, false
	}
	return out, true
}

func constFloat(info *types.Info, e ast.Expr) (float64, bool) {
	tv, ok := info.Types[e]
	if !ok || tv.Value == nil {
		return 0, false
	}
	switch tv.Value.Kind() {
	case constant.Int, constant.Float:
		f, _ := constant.Float64Val(constant.ToFloat(tv.Value))
		return f, !math.IsInf(f, 0) && !math.IsNaN(f)
	}
	return 0, false
}

func isNil(info *types.Info, e ast.Expr) bool {
	id, ok := ast.Unparen(e).(*ast.Ident)
	if !ok {
		return false
	}
	_, isNil := info.Uses[id].(*types.Nil)
	return isNil
}

// findDefinitions finds the metric definitions of the package: calls of
// the constructors the knowledge tables list, and calls of instrumentation
// libraries that define metrics on the program's behalf.
func (c *checker) findDefinitions() {
	for n := range c.insp.PreorderSeq((*ast.CallExpr)(nil)) {
		call := n.(*ast.CallExpr)
		fn := analysisutil.Callee(c.pass.TypesInfo, call)
		if fn == nil {
			continue
		}
		name := analysisutil.FullName(fn)
		if ctor, ok := knowledge.LookupMetricCtor(name); ok {
			d := c.defineFromCtor(call, name, ctor)
			if d.bucketsKnown && len(d.buckets) > 0 && d.unit == "" {
				d.TopBucket = slices.Max(d.buckets)
				d.DefaultBuckets = d.defaultBuckets
			}
			c.add(d)
			continue
		}
		if in, ok := knowledge.Instrumenters[name]; ok && len(in.Metrics) > 0 {
			prefix, ok := c.instrumenterPrefix(call, in)
			if !ok {
				continue // names we cannot know
			}
			for _, m := range in.Metrics {
				full := m.Name
				if prefix != "" {
					full = prefix + "_" + m.Name
				}
				c.add(&definition{Def: Def{Name: full, Kind: m.Kind, Labels: m.Labels, LabelsKnown: m.Labels != nil, Lib: analysisutil.Display(fn), Posn: c.posn(call.Pos())}, call: call, library: true, latency: m.Latency})
			}
			continue
		}
		if knowledge.PoolCollectors[name] {
			for _, m := range knowledge.PoolMetrics {
				c.add(&definition{Def: Def{Name: m.Name, Kind: m.Kind, Labels: []string{}, LabelsKnown: true, Lib: analysisutil.Display(fn), Posn: c.posn(call.Pos())}, call: call, library: true})
			}
		}
	}
}

// instrumenterPrefix returns the prefix an instrumentation library puts
// before the names of its metrics: its subsystem argument, or the
// namespace and subsystem fields of its configuration literal, with the
// library's default subsystem when empty; ok is false when a part is not
// constant.
func (c *checker) instrumenterPrefix(call *ast.CallExpr, in knowledge.Instrumenter) (string, bool) {
	if in.SubsystemArg < 0 || in.SubsystemArg >= len(call.Args) {
		return in.DefaultSubsystem, true
	}
	arg := call.Args[in.SubsystemArg]
	if in.ConfigFields[1] == "" {
		s, ok := c.constString(arg)
		return cmp.Or(s, in.DefaultSubsystem), ok
	}
	lit, ok := c.resolve(arg).(*ast.CompositeLit)
	if !ok {
		return "", false
	}
	var parts [2]string
	for i, field := range in.ConfigFields {
		if v := analysisutil.KeyedValue(lit, field); v != nil {
			if parts[i], ok = c.constString(v); !ok {
				return "", false
			}
		}
	}
	parts[1] = cmp.Or(parts[1], in.DefaultSubsystem)
	return strings.Trim(parts[0]+"_"+parts[1], "_"), true // as prometheus.BuildFQName joins them
}

func (c *checker) add(d *definition) {
	c.defs = append(c.defs, d)
	if _, dup := c.defsByPos[d.call.Lparen]; !dup {
		c.defsByPos[d.call.Lparen] = d
	}
}

// defineFromCtor reads a metric definition: its name (Namespace,
// Subsystem and Name of client_golang options, or a name argument, with
// constants resolved), its kind, label names and buckets.
func (c *checker) defineFromCtor(call *ast.CallExpr, fullName string, ctor knowledge.MetricCtor) *definition {
	d := &definition{Def: Def{Name: ctor.Fixed, Kind: ctor.Kind, Lib: ctor.Lib, Posn: c.posn(call.Pos())}, call: call}
	arg := func(i int) ast.Expr {
		if i >= 0 && i < len(call.Args) && (!call.Ellipsis.IsValid() || i != len(call.Args)-1) {
			return call.Args[i]
		}
		return nil
	}
	if e := arg(ctor.Opts); e != nil {
		if lit, ok := c.resolve(e).(*ast.CompositeLit); ok {
			d.optsExpr = lit
			d.Name, d.nameExpr = c.optsName(lit)
			if ctor.Kind == knowledge.Histogram {
				if b := analysisutil.KeyedValue(lit, "Buckets"); b != nil {
					d.bucketsExpr = b
					d.buckets, d.bucketsKnown = c.floatList(b)
				} else {
					d.buckets, d.bucketsKnown, d.defaultBuckets = append([]float64(nil), knowledge.DefBuckets...), true, true
				}
			}
		}
	}
	if e := arg(ctor.Name); e != nil {
		d.nameExpr = e
		if s, ok := c.constString(e); ok {
			d.Name = s
		} else if ctor.Lib == knowledge.LibVictoria {
			d.Name = c.sprintfName(e)
		}
		if ctor.Lib == knowledge.LibVictoria && d.Name != "" {
			name, labels, ok := parseVictoriaName(d.Name)
			d.Name, d.Labels, d.LabelsKnown = name, labels, ok
			if !ok {
				d.Name = ""
			}
			d.labelsExpr = e
		}
	}
	switch {
	case ctor.Labels >= 0:
		if e := arg(ctor.Labels); e != nil {
			d.labelsExpr = e
			d.Labels, d.LabelsKnown = c.stringList(e)
		} else if ctor.Labels < len(call.Args) {
			d.Labels, d.LabelsKnown = nil, false // spread arguments
		} else {
			d.Labels, d.LabelsKnown = []string{}, true
		}
	case ctor.Lib == knowledge.LibPrometheus:
		d.Labels, d.LabelsKnown = []string{}, true // a metric without labels
	}
	if e := arg(ctor.Buckets); e != nil {
		d.bucketsExpr = e
		d.buckets, d.bucketsKnown = c.floatList(e)
	}
	if knowledge.VictoriaLogHistograms[fullName] {
		d.fixedBuckets = true
	}
	if ctor.Options >= 0 && !call.Ellipsis.IsValid() {
		for _, o := range call.Args[min(ctor.Options, len(call.Args)):] {
			oc, ok := ast.Unparen(o).(*ast.CallExpr)
			if !ok {
				continue
			}
			switch analysisutil.FullName(analysisutil.Callee(c.pass.TypesInfo, oc)) {
			case knowledge.OTelBuckets:
				d.bucketsExpr = oc
				if oc.Ellipsis.IsValid() && len(oc.Args) == 1 {
					d.buckets, d.bucketsKnown = c.floatList(oc.Args[0])
				} else {
					d.buckets, d.bucketsKnown = nil, true
					for _, a := range oc.Args {
						f, ok := constFloat(c.pass.TypesInfo, a)
						if !ok {
							d.buckets, d.bucketsKnown = nil, false
							break
						}
						d.buckets = append(d.buckets, f)
					}
				}
			case knowledge.OTelUnit:
				if len(oc.Args) == 1 {
					d.unit, _ = c.constString(oc.Args[0])
				}
			}
		}
	}
	if d.Labels != nil {
		d.Labels = append([]string(nil), d.Labels...)
	}
	return d
}

// optsName returns the full name client_golang builds from an *Opts
// literal, and the expression that sets its Name; "" if a part is not
// constant.
func (c *checker) optsName(lit *ast.CompositeLit) (string, ast.Expr) {
	var parts [3]string
	var nameExpr ast.Expr
	for i, field := range []string{"Namespace", "Subsystem", "Name"} {
		v := analysisutil.KeyedValue(lit, field)
		if v == nil {
			continue
		}
		if field == "Name" {
			nameExpr = v
		}
		s, ok := c.constString(v)
		if !ok {
			return "", nameExpr
		}
		parts[i] = s
	}
	return buildFQName(parts[0], parts[1], parts[2]), nameExpr
}

// buildFQName joins namespace, subsystem and name as
// prometheus.BuildFQName does: with "_", skipping empty parts, and "" when
// the name is empty.
func buildFQName(namespace, subsystem, name string) string {
	if name == "" {
		return ""
	}
	var parts []string
	for _, p := range []string{namespace, subsystem, name} {
		if p != "" {
			parts = append(parts, p)
		}
	}
	return strings.Join(parts, "_")
}

// sprintfName returns the constant format of fmt.Sprintf(format, ...)
// when its metric name part (before '{') has no verb: the label values are
// the formatted parts.
func (c *checker) sprintfName(e ast.Expr) string {
	call, ok := c.resolve(e).(*ast.CallExpr)
	if !ok || len(call.Args) == 0 || analysisutil.FullName(analysisutil.Callee(c.pass.TypesInfo, call)) != "fmt.Sprintf" {
		return ""
	}
	format, ok := c.constString(call.Args[0])
	if !ok {
		return ""
	}
	name, _, _ := strings.Cut(format, "{")
	if strings.Contains(name, "%") {
		return ""
	}
	return format
}

// parseVictoriaName splits a VictoriaMetrics metric name,
// `name{label="value",...}`, into the name and the label names.
func parseVictoriaName(s string) (string, []string, bool) {
	name, rest, hasLabels := strings.Cut(s, "{")
	name = strings.TrimSpace(name)
	if name == "" {
		return "", nil, false
	}
	labels := []string{}
	if !hasLabels {
		return name, labels, true
	}
	rest, ok := strings.CutSuffix(strings.TrimSpace(rest), "}")
	if !ok {
		return "", nil, false
	}
	for rest != "" {
		key, after, ok := strings.Cut(rest, "=")
		if !ok {
			return "", nil, false
		}
		labels = append(labels, strings.TrimSpace(key))
		after = strings.TrimSpace(after)
		if !strings.HasPrefix(after, `"`) && !strings.HasPrefix(after, "%q") {
			return "", nil, false
		}
		// Skip the quoted value (or a %q verb).
		end := -1
		if strings.HasPrefix(after, "%q") {
			end = 1
		} else {
			for i := 1; i < len(after); i++ {
				if after[i] == '\\' {
					i++
					continue
				}
				if after[i] == '"' {
					end = i
					break
				}
			}
		}
		if end < 0 {
			return "", nil, false
		}
		rest = strings.TrimSpace(after[end+1:])
		rest = strings.TrimPrefix(rest, ",")
		rest = strings.TrimSpace(rest)
	}
	return name, labels, true
}
