package plan

import (
	"errors"
	"fmt"
	"os"
	"reflect"
	"sort"
	"strconv"
	"strings"
	"sync"
	"time"

	"github.com/goccy/go-yaml"
	"github.com/goccy/go-yaml/ast"
	"github.com/goccy/go-yaml/parser"
)

// maxPlanSize bounds the plan files perfvet reads; a plan is a page of YAML.
const maxPlanSize = 1 << 20

// An Error is a problem in a plan file, at a position in it.
type Error struct {
	File string
	Line int // 1-based; 0 if unknown
	Col  int // 1-based; 0 if unknown
	Msg  string
}

func (e *Error) Error() string {
	switch {
	case e.Line > 0 && e.Col > 0:
		return fmt.Sprintf("%s:%d:%d: %s", e.File, e.Line, e.Col, e.Msg)
	case e.Line > 0:
		return fmt.Sprintf("%s:%d: %s", e.File, e.Line, e.Msg)
	}
	return fmt.Sprintf("%s: %s", e.File, e.Msg)
}

// ErrorList is the list of problems found in one plan, in file order.
type ErrorList []*Error

func (l ErrorList) Error() string {
	msgs := make([]string, len(l))
	for i, e := range l {
		msgs[i] = e.Error()
	}
	return strings.Join(msgs, "\n")
}

// Default returns the embedded default plan. The result is a fresh copy
// that the caller may modify.
func Default() *Plan {
	defaultOnce.Do(func() {
		defaultPlan, defaultErr = ParseOver(DefaultSource, defaultYAML, &Plan{})
	})
	if defaultErr != nil {
		// The embedded file is covered by tests; a failure here is a
		// build defect, reported as an empty plan rather than a crash.
		return &Plan{Version: 1, Source: DefaultSource}
	}
	return clonePlan(defaultPlan)
}

// DefaultError reports whether the embedded default failed to parse; it is
// nil in every correct build.
func DefaultError() error {
	Default()
	return defaultErr
}

var (
	defaultOnce sync.Once
	defaultPlan *Plan
	defaultErr  error
)

// Load reads and validates the plan file at filename, on top of the
// embedded default.
func Load(filename string) (*Plan, error) {
	f, err := os.Open(filename)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	st, err := f.Stat()
	if err != nil {
		return nil, err
	}
	if st.IsDir() {
		return nil, fmt.Errorf("%s: is a directory, not a plan file", filename)
	}
	if st.Size() > maxPlanSize {
		return nil, &Error{File: filename, Msg: fmt.Sprintf("plan file is %d bytes; the limit is %d", st.Size(), maxPlanSize)}
	}
	data, err := os.ReadFile(filename)
	if err != nil {
		return nil, err
	}
	return ParseOver(filename, data, Default())
}

// Parse parses and validates a plan. Keys it leaves out take their value
// from the embedded default.
func Parse(filename string, data []byte) (*Plan, error) {
	return ParseOver(filename, data, Default())
}

// ParseOver parses the plan in data on top of base: a key given in data
// replaces base's value for that key, at any depth; a list replaces the whole
// list. base is not modified. The result is validated; the error, if any, is
// an ErrorList naming file, line and column of every problem.
func ParseOver(filename string, data []byte, base *Plan) (p *Plan, err error) {
	defer func() {
		// The YAML parser is third-party code fed with user input; a panic
		// in it must not take the linter down.
		if r := recover(); r != nil {
			p, err = nil, ErrorList{{File: filename, Msg: fmt.Sprintf("cannot parse plan: internal YAML parser error: %v", r)}}
		}
	}()
	out := clonePlan(base)
	out.Source = filename
	d := &decoder{file: filename, pos: make(map[string]ast.Node), anchors: make(map[string]ast.Node)}
	if len(strings.TrimSpace(string(data))) > 0 {
		f, perr := parser.ParseBytes(data, 0)
		if perr != nil {
			return nil, ErrorList{syntaxError(filename, perr)}
		}
		d.file1(f, out)
	}
	if len(d.errs) == 0 {
		validate(d, out)
	}
	if len(d.errs) > 0 {
		sort.SliceStable(d.errs, func(i, j int) bool {
			a, b := d.errs[i], d.errs[j]
			if a.Line != b.Line {
				return a.Line < b.Line
			}
			return a.Col < b.Col
		})
		return nil, d.errs
	}
	return out, nil
}

func syntaxError(filename string, err error) *Error {
	e := &Error{File: filename, Msg: "malformed YAML: " + err.Error()}
	var yerr yaml.Error
	if errors.As(err, &yerr) {
		e.Msg = "malformed YAML: " + yerr.GetMessage()
		if tk := yerr.GetToken(); tk != nil && tk.Position != nil {
			e.Line, e.Col = tk.Position.Line, tk.Position.Column
		}
	}
	return e
}

// A decoder walks the YAML tree into a Plan, remembering where each key
// was written so that validation can point at it.
type decoder struct {
	file    string
	errs    ErrorList
	pos     map[string]ast.Node // key path ("limits.query_timeout") -> value node
	anchors map[string]ast.Node
	depth   int
}

func (d *decoder) errorf(n ast.Node, format string, args ...any) {
	e := &Error{File: d.file, Msg: fmt.Sprintf(format, args...)}
	if n != nil {
		if tk := n.GetToken(); tk != nil && tk.Position != nil {
			e.Line, e.Col = tk.Position.Line, tk.Position.Column
		}
	}
	d.errs = append(d.errs, e)
}

// errorAt reports a problem with the value at a key path, at the closest
// position known for it: the key itself, or the nearest enclosing key that
// was written in the file.
func (d *decoder) errorAt(keyPath, format string, args ...any) {
	for p := keyPath; ; {
		if n, ok := d.pos[p]; ok {
			d.errorf(n, format, args...)
			return
		}
		i := strings.LastIndexAny(p, ".[")
		if i < 0 {
			d.errorf(nil, format, args...)
			return
		}
		p = p[:i]
	}
}

// written reports whether the plan file gave a value for the key path.
func (d *decoder) written(keyPath string) bool {
	_, ok := d.pos[keyPath]
	return ok
}

func (d *decoder) file1(f *ast.File, out *Plan) {
	var docs []*ast.DocumentNode
	for _, doc := range f.Docs {
		if doc != nil && doc.Body != nil && !isComment(doc.Body) {
			docs = append(docs, doc)
		}
	}
	switch len(docs) {
	case 0:
		return
	case 1:
	default:
		d.errorf(docs[1].Body, "a plan file holds one YAML document; found %d", len(docs))
		return
	}
	d.value(docs[0].Body, reflect.ValueOf(out).Elem(), "")
}

func isComment(n ast.Node) bool {
	switch n.(type) {
	case *ast.CommentNode, *ast.CommentGroupNode:
		return true
	}
	return false
}

var (
	durationType = reflect.TypeFor[time.Duration]()
	sizeType     = reflect.TypeFor[Size]()
)

// value decodes node n into v. keyPath names v for messages.
func (d *decoder) value(n ast.Node, v reflect.Value, keyPath string) {
	d.depth++
	defer func() { d.depth-- }()
	if d.depth > 32 {
		d.errorf(n, "%s: the plan is nested too deeply", displayPath(keyPath))
		return
	}
	n = d.unwrap(n)
	if n == nil {
		return
	}
	if _, ok := n.(*ast.NullNode); ok {
		return // "key:" with no value keeps the default
	}
	switch {
	case v.Type() == durationType:
		s, ok := d.scalar(n, keyPath, "a duration such as 250ms, 30s or 1h")
		if !ok {
			return
		}
		dur, err := parseDuration(s)
		if err != nil {
			d.errorf(n, "%s: %v", displayPath(keyPath), err)
			return
		}
		v.SetInt(int64(dur))
	case v.Type() == sizeType:
		s, ok := d.scalar(n, keyPath, "a size such as 512KB or 10MB")
		if !ok {
			return
		}
		size, err := parseSize(s)
		if err != nil {
			d.errorf(n, "%s: %v", displayPath(keyPath), err)
			return
		}
		v.SetInt(int64(size))
	case v.Kind() == reflect.Struct:
		d.mapping(n, v, keyPath)
	case v.Kind() == reflect.Slice:
		d.sequence(n, v, keyPath)
	case v.Kind() == reflect.String:
		s, ok := d.scalar(n, keyPath, "a string")
		if ok {
			v.SetString(s)
		}
	case v.Kind() == reflect.Int:
		s, ok := d.scalar(n, keyPath, "an integer")
		if !ok {
			return
		}
		i, err := strconv.Atoi(s)
		if err != nil {
			d.errorf(n, "%s: %q is not an integer", displayPath(keyPath), s)
			return
		}
		v.SetInt(int64(i))
	case v.Kind() == reflect.Float64:
		s, ok := d.scalar(n, keyPath, "a number")
		if !ok {
			return
		}
		s = strings.TrimSuffix(strings.TrimSpace(s), "%")
		f, err := strconv.ParseFloat(s, 64)
		if err != nil {
			d.errorf(n, "%s: %q is not a number", displayPath(keyPath), s)
			return
		}
		v.SetFloat(f)
	default:
		d.errorf(n, "%s: cannot decode into %s", displayPath(keyPath), v.Type())
	}
}

// unwrap strips tags and anchors and resolves aliases.
func (d *decoder) unwrap(n ast.Node) ast.Node {
	for i := 0; i < 16 && n != nil; i++ {
		switch t := n.(type) {
		case *ast.TagNode:
			n = t.Value
		case *ast.AnchorNode:
			if t.Name != nil {
				d.anchors[t.Name.GetToken().Value] = t.Value
			}
			n = t.Value
		case *ast.AliasNode:
			if t.Value == nil {
				return nil
			}
			target, ok := d.anchors[t.Value.GetToken().Value]
			if !ok {
				d.errorf(n, "unknown alias *%s", t.Value.GetToken().Value)
				return nil
			}
			n = target
		case *ast.DocumentNode:
			n = t.Body
		default:
			return n
		}
	}
	return n
}

func (d *decoder) scalar(n ast.Node, keyPath, want string) (string, bool) {
	switch t := n.(type) {
	case *ast.StringNode:
		return t.Value, true
	case *ast.LiteralNode:
		if t.Value != nil {
			return t.Value.Value, true
		}
		return "", true
	case *ast.IntegerNode, *ast.FloatNode, *ast.BoolNode, *ast.InfinityNode, *ast.NanNode:
		if tk := n.GetToken(); tk != nil {
			return tk.Value, true
		}
	}
	d.errorf(n, "%s: expected %s, found %s", displayPath(keyPath), want, describe(n))
	return "", false
}

func describe(n ast.Node) string {
	switch n.(type) {
	case *ast.MappingNode, *ast.MappingValueNode:
		return "a mapping"
	case *ast.SequenceNode:
		return "a list"
	}
	return "a " + strings.ToLower(n.Type().String())
}

func (d *decoder) mapping(n ast.Node, v reflect.Value, keyPath string) {
	var pairs []*ast.MappingValueNode
	switch t := n.(type) {
	case *ast.MappingNode:
		pairs = t.Values
	case *ast.MappingValueNode:
		pairs = []*ast.MappingValueNode{t}
	default:
		what := "the plan"
		if keyPath != "" {
			what = displayPath(keyPath)
		}
		d.errorf(n, "%s: expected a mapping, found %s", what, describe(n))
		return
	}
	fields := fieldsOf(v.Type())
	seen := make(map[string]bool)
	for _, kv := range pairs {
		if kv == nil || kv.Key == nil {
			continue
		}
		if _, ok := kv.Key.(*ast.MergeKeyNode); ok {
			d.errorf(kv.Key, "merge keys (<<) are not supported in a plan")
			continue
		}
		key := kv.Key.GetToken().Value
		if sn, ok := d.unwrap(kv.Key).(*ast.StringNode); ok {
			key = sn.Value
		}
		idx, ok := fields[key]
		if !ok {
			d.errorf(kv.Key, "%s", unknownKey(key, keyPath, fields))
			continue
		}
		if seen[key] {
			d.errorf(kv.Key, "duplicate key %q", key)
			continue
		}
		seen[key] = true
		sub := joinPath(keyPath, key)
		d.pos[sub] = kv.Key
		d.value(kv.Value, v.Field(idx), sub)
	}
}

func (d *decoder) sequence(n ast.Node, v reflect.Value, keyPath string) {
	seq, ok := n.(*ast.SequenceNode)
	if !ok {
		// A single scalar where a list of strings is expected is a common
		// slip ("labels: method"); say so rather than guessing.
		d.errorf(n, "%s: expected a list, found %s", displayPath(keyPath), describe(n))
		return
	}
	out := reflect.MakeSlice(v.Type(), 0, len(seq.Values))
	for i, item := range seq.Values {
		elem := reflect.New(v.Type().Elem()).Elem()
		sub := fmt.Sprintf("%s[%d]", keyPath, i)
		if item != nil {
			d.pos[sub] = item
		}
		d.value(item, elem, sub)
		out = reflect.Append(out, elem)
	}
	v.Set(out)
}

// fieldsOf maps plan keys to field indexes.
func fieldsOf(t reflect.Type) map[string]int {
	m := make(map[string]int)
	for i := 0; i < t.NumField(); i++ {
		if tag := t.Field(i).Tag.Get("plan"); tag != "" && tag != "-" {
			m[tag] = i
		}
	}
	return m
}

func unknownKey(key, keyPath string, fields map[string]int) string {
	known := make([]string, 0, len(fields))
	for k := range fields {
		known = append(known, k)
	}
	sort.Strings(known)
	where := "at the top level"
	if keyPath != "" {
		where = "in " + displayPath(keyPath)
	}
	msg := fmt.Sprintf("unknown key %q %s", key, where)
	if s := closest(key, known); s != "" {
		return msg + fmt.Sprintf("; did you mean %q?", s)
	}
	return msg + "; known keys: " + strings.Join(known, ", ")
}

// closest returns the known key within edit distance 2 of key, if any.
func closest(key string, known []string) string {
	best, bestDist := "", 3
	for _, k := range known {
		if dist := editDistance(key, k); dist < bestDist {
			best, bestDist = k, dist
		}
	}
	return best
}

func editDistance(a, b string) int {
	if len(a) > 64 || len(b) > 64 {
		return 64
	}
	prev := make([]int, len(b)+1)
	cur := make([]int, len(b)+1)
	for j := range prev {
		prev[j] = j
	}
	for i := 1; i <= len(a); i++ {
		cur[0] = i
		for j := 1; j <= len(b); j++ {
			cost := 1
			if a[i-1] == b[j-1] {
				cost = 0
			}
			cur[j] = min(prev[j]+1, cur[j-1]+1, prev[j-1]+cost)
		}
		prev, cur = cur, prev
	}
	return prev[len(b)]
}

func joinPath(parent, key string) string {
	if parent == "" {
		return key
	}
	return parent + "." + key
}

func displayPath(keyPath string) string {
	if keyPath == "" {
		return "plan"
	}
	return keyPath
}

// parseDuration parses a Go duration and insists on a unit: a bare "30" is
// ambiguous (seconds? milliseconds?) and is rejected.
func parseDuration(s string) (time.Duration, error) {
	s = strings.TrimSpace(s)
	if s == "" {
		return 0, fmt.Errorf("empty duration; write a duration such as 250ms, 30s or 1h")
	}
	if s == "0" {
		return 0, nil
	}
	if _, err := strconv.ParseFloat(s, 64); err == nil {
		return 0, fmt.Errorf("malformed duration %q: missing unit; write %ss, %sms or %sm", s, s, s, s)
	}
	dur, err := time.ParseDuration(s)
	if err != nil {
		return 0, fmt.Errorf("malformed duration %q; write a duration such as 250ms, 30s or 1h", s)
	}
	if dur < 0 {
		return 0, fmt.Errorf("negative duration %q", s)
	}
	return dur, nil
}

var sizeUnits = []struct {
	name string
	n    int64
}{
	{"GiB", 1 << 30}, {"GB", 1 << 30}, {"MiB", 1 << 20}, {"MB", 1 << 20},
	{"KiB", 1 << 10}, {"KB", 1 << 10}, {"B", 1},
}

// parseSize parses "10MB", "512KB", "1GiB" or a number of bytes.
// KB, MB and GB are binary units, as in Go's 10 << 20.
func parseSize(s string) (Size, error) {
	s = strings.TrimSpace(s)
	num, mult := s, int64(1)
	for _, u := range sizeUnits {
		if rest, ok := strings.CutSuffix(s, u.name); ok {
			num, mult = strings.TrimSpace(rest), u.n
			break
		}
	}
	if strings.HasPrefix(num, "-") {
		return 0, fmt.Errorf("negative size %q", s)
	}
	n, err := strconv.ParseInt(num, 10, 64)
	if err != nil || num == "" {
		return 0, fmt.Errorf("malformed size %q; write a size such as 512KB, 10MB or 1GB", s)
	}
	if n > (1<<62)/mult {
		return 0, fmt.Errorf("size %q is too large", s)
	}
	return Size(n * mult), nil
}

// clonePlan returns a deep copy of p, so that decoding over a base never
// writes into the caller's plan.
func clonePlan(p *Plan) *Plan {
	c := *p
	c.Endpoints = append([]Endpoint(nil), p.Endpoints...)
	c.Cache.Keys = append([]KeyRule(nil), p.Cache.Keys...)
	c.Cache.Invalidate = make([]Invalidate, len(p.Cache.Invalidate))
	for i, inv := range p.Cache.Invalidate {
		inv.Keys = append([]string(nil), inv.Keys...)
		c.Cache.Invalidate[i] = inv
	}
	if p.Cache.Invalidate == nil {
		c.Cache.Invalidate = nil
	}
	c.Metrics = make([]Metric, len(p.Metrics))
	for i, m := range p.Metrics {
		m.Labels = append([]string(nil), m.Labels...)
		m.Buckets = append([]float64(nil), m.Buckets...)
		c.Metrics[i] = m
	}
	if p.Metrics == nil {
		c.Metrics = nil
	}
	c.Queries = append([]string(nil), p.Queries...)
	c.Ignore = append([]string(nil), p.Ignore...)
	return &c
}
