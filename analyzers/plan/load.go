package plan

import (
	"bytes"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"reflect"
	"slices"
	"sort"
	"strconv"
	"strings"
	"sync"
	"time"

	"github.com/goccy/go-yaml"
	"github.com/goccy/go-yaml/ast"
	"github.com/goccy/go-yaml/parser"
)

// Bounds on what a plan may cost to read. A plan is a page of YAML; these
// keep a malformed or hostile file from stalling the linter.
const (
	// maxPlanSize bounds the plan files Load reads.
	maxPlanSize = 1 << 20
	// maxNesting bounds flow-collection nesting ([ and {). The YAML parser
	// takes time quadratic in it (100,000 '[' take most of a minute),
	// and a plan nests five levels at most.
	maxNesting = 100
	// maxValues bounds the values decoded from one file. Aliases let a
	// small file name a great many values.
	maxValues = 100_000
	// maxErrors bounds the errors reported for one file.
	maxErrors = 50
)

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
// embedded default. A problem in the file's content is an ErrorList; so is
// a file that exists but is not a readable regular file (a dangling
// symbolic link, a link loop, a directory, a named pipe, a device), named
// in the message. A file that does not exist is reported as the os package
// reports it (fs.ErrNotExist). Load never blocks on a named pipe.
func Load(filename string) (*Plan, error) {
	if err := checkRegular(filename); err != nil {
		return nil, err
	}
	f, err := openNonblocking(filename)
	if err != nil {
		return nil, unreadable(filename, err)
	}
	defer f.Close() //nolint:errcheck // read-only; a failed close loses nothing
	// The file may have been replaced since checkRegular: check what was
	// opened.
	st, err := f.Stat()
	if err != nil {
		return nil, unreadable(filename, err)
	}
	if !st.Mode().IsRegular() {
		return nil, ErrorList{{File: filename, Msg: notPlanFile(st.Mode())}}
	}
	// Read through a limit rather than trusting st.Size, which may grow.
	data, err := io.ReadAll(io.LimitReader(f, maxPlanSize+1))
	if err != nil {
		return nil, unreadable(filename, err)
	}
	if len(data) > maxPlanSize {
		return nil, ErrorList{{File: filename, Msg: fmt.Sprintf("plan file is larger than %d bytes; a plan is a page of YAML", maxPlanSize)}}
	}
	return ParseOver(filename, data, Default())
}

// checkRegular reports why filename, if it exists, cannot be read as a
// plan: a missing file is returned as is (fs.ErrNotExist), anything else
// as an ErrorList naming the file.
func checkRegular(filename string) error {
	lst, err := os.Lstat(filename)
	if err != nil {
		return err // does not exist, or its directory cannot be read
	}
	st, err := os.Stat(filename)
	switch {
	case err != nil && lst.Mode()&fs.ModeSymlink != 0 && errors.Is(err, fs.ErrNotExist):
		target, _ := os.Readlink(filename)
		return ErrorList{{File: filename, Msg: fmt.Sprintf("is a symbolic link to %s, which does not exist; fix the link or remove it", target)}}
	case err != nil && lst.Mode()&fs.ModeSymlink != 0:
		return ErrorList{{File: filename, Msg: fmt.Sprintf("is a symbolic link that cannot be followed (%v); fix the link or remove it", rootCause(err))}}
	case err != nil:
		return unreadable(filename, err)
	case !st.Mode().IsRegular():
		return ErrorList{{File: filename, Msg: notPlanFile(st.Mode())}}
	}
	return nil
}

// notPlanFile says what kind of file a non-regular plan file is.
func notPlanFile(m fs.FileMode) string {
	kind := "not a regular file"
	switch {
	case m.IsDir():
		kind = "a directory"
	case m&fs.ModeNamedPipe != 0:
		kind = "a named pipe"
	case m&fs.ModeSocket != 0:
		kind = "a socket"
	case m&fs.ModeDevice != 0:
		kind = "a device"
	}
	return fmt.Sprintf("is %s, not a plan file; a plan must be a regular file (or a symbolic link to one)", kind)
}

// unreadable is an error reading a plan file that exists, naming it.
func unreadable(filename string, err error) error {
	return ErrorList{{File: filename, Msg: fmt.Sprintf("cannot read the plan: %v", rootCause(err))}}
}

// rootCause drops the *PathError's operation and path, which the message
// names already.
func rootCause(err error) error {
	var pe *fs.PathError
	if errors.As(err, &pe) {
		return pe.Err
	}
	return err
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
//
// Problems of form (YAML syntax, unknown keys, malformed values) are all
// reported; contradictions between values are checked only in a plan free
// of them, since a value that failed to decode keeps base's value and would
// make the checks report conflicts the file does not contain.
func ParseOver(filename string, data []byte, base *Plan) (*Plan, error) {
	// Editors on Windows may save a UTF-8 byte order mark; it is not part
	// of the first key.
	data = bytes.TrimPrefix(data, []byte("\ufeff"))
	out := clonePlan(base)
	out.Source = filename
	if len(bytes.TrimSpace(data)) == 0 {
		return validated(filename, &decoder{file: filename}, out)
	}
	if e := checkNesting(filename, data); e != nil {
		return nil, ErrorList{e}
	}
	f, err := parseYAML(filename, data)
	if err != nil {
		return nil, ErrorList{err}
	}
	d := &decoder{file: filename, pos: make(map[string]ast.Node), anchors: make(map[string]ast.Node)}
	if err := d.decode(f, out); err != nil {
		return nil, ErrorList{err}
	}
	return validated(filename, d, out)
}

// validated finishes ParseOver: it validates p, decoded without error by d,
// and returns it, or returns d's errors in file order.
func validated(filename string, d *decoder, p *Plan) (*Plan, error) {
	if len(d.errs) == 0 {
		reconcile(d, p)
		validate(d, p)
	}
	if len(d.errs) == 0 {
		return p, nil
	}
	errs := d.errs
	sort.SliceStable(errs, func(i, j int) bool {
		a, b := errs[i], errs[j]
		if a.Line != b.Line {
			return a.Line < b.Line
		}
		return a.Col < b.Col
	})
	if len(errs) > maxErrors {
		errs = append(errs[:maxErrors:maxErrors], &Error{File: filename, Msg: "too many errors"})
	}
	return nil, errs
}

// parseYAML runs the third-party YAML parser, turning its errors, and any
// panic, into an Error: a panic there on user input must not take the
// linter down.
func parseYAML(filename string, data []byte) (f *ast.File, e *Error) {
	defer func() {
		if r := recover(); r != nil {
			f, e = nil, &Error{File: filename, Msg: fmt.Sprintf("cannot parse plan: internal YAML parser error: %v", r)}
		}
	}()
	f, err := yamlParse(data, 0)
	if err != nil {
		return nil, syntaxError(filename, err)
	}
	return f, nil
}

// yamlParse is the YAML parser; a variable so that tests can make it panic.
var yamlParse = parser.ParseBytes

// checkNesting rejects flow collections nested deeper than maxNesting
// before the YAML parser sees them. It skips comments, so that commented-out
// brackets cannot add up over a long file, but not quoted strings: telling
// a quote from an apostrophe takes a YAML parser, and a plan with a hundred
// unclosed brackets in strings is not worth the precision.
func checkNesting(filename string, data []byte) *Error {
	depth, line, col := 0, 1, 0
	comment := false
	for i, c := range data {
		if c&0xC0 != 0x80 { // columns count characters, not UTF-8 bytes
			col++
		}
		switch {
		case c == '\n':
			line, col, comment = line+1, 0, false
		case comment:
		case c == '#' && (i == 0 || data[i-1] == ' ' || data[i-1] == '\t' || data[i-1] == '\n' || data[i-1] == '\r'):
			comment = true
		case c == '[' || c == '{':
			if depth++; depth > maxNesting {
				return &Error{File: filename, Line: line, Col: col, Msg: fmt.Sprintf("collections nested more than %d levels deep", maxNesting)}
			}
		case c == ']' || c == '}':
			depth = max(depth-1, 0)
		}
	}
	return nil
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
	pos     map[string]ast.Node // key path ("limits.query_timeout") -> key or item node
	anchors map[string]ast.Node
	depth   int
	values  int  // values decoded so far, against maxValues
	stop    bool // too many values or errors: decode no further
}

func (d *decoder) errorf(n ast.Node, format string, args ...any) {
	e := &Error{File: d.file, Msg: fmt.Sprintf(format, args...)}
	e.Line, e.Col = position(n)
	d.errs = append(d.errs, e)
	if len(d.errs) > maxErrors {
		d.stop = true
	}
}

// position returns the line and column where n starts, or 0, 0. A block
// mapping's own token is the ':' of its first pair; point at that pair's
// key instead, where the mapping visibly starts.
func position(n ast.Node) (line, col int) {
	for range 16 {
		switch t := n.(type) {
		case nil:
			return 0, 0
		case *ast.MappingNode:
			if t != nil && !t.IsFlowStyle && len(t.Values) > 0 && t.Values[0] != nil {
				n = t.Values[0]
				continue
			}
		case *ast.MappingValueNode:
			if t != nil && t.Key != nil {
				n = t.Key
				continue
			}
		case *ast.DocumentNode:
			// A document's own token is its body's; point at its "---".
			if t != nil && t.Start != nil && t.Start.Position != nil {
				return t.Start.Position.Line, t.Start.Position.Column
			}
		}
		break
	}
	if n == nil || reflect.ValueOf(n).IsNil() {
		return 0, 0
	}
	if tk := n.GetToken(); tk != nil && tk.Position != nil {
		return tk.Position.Line, tk.Position.Column
	}
	return 0, 0
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

// decode decodes the YAML file f into out. It returns an error only for a
// bug of its own: a panic while walking the tree.
func (d *decoder) decode(f *ast.File, out *Plan) (err *Error) {
	defer func() {
		if r := recover(); r != nil {
			err = &Error{File: d.file, Msg: fmt.Sprintf("%s: %v", internalDecodeError, r)}
		}
	}()
	var docs []*ast.DocumentNode
	for _, doc := range f.Docs {
		if doc != nil && doc.Body != nil && !isEmpty(doc.Body) {
			docs = append(docs, doc)
		}
	}
	switch len(docs) {
	case 0:
		return nil
	case 1:
	default:
		at := docs[1].Body
		if docs[1].Start != nil {
			at = docs[1] // the "---" that starts it
		}
		d.errorf(at, "a plan file holds one YAML document; found %d", len(docs))
		return nil
	}
	d.value(docs[0].Body, reflect.ValueOf(out).Elem(), "")
	return nil
}

// internalDecodeError starts the message of a panic in the decoder: a bug
// in perfvet, not in the plan.
const internalDecodeError = "internal error in perfvet's plan decoder (please report it)"

// isEmpty reports whether a document body holds no plan: a comment, or
// a %YAML or %TAG directive, which the parser gives a document of its own.
func isEmpty(n ast.Node) bool {
	switch n.(type) {
	case *ast.CommentNode, *ast.CommentGroupNode, *ast.DirectiveNode:
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
	if d.stop {
		return
	}
	if d.values++; d.values > maxValues {
		d.errorf(n, "the plan holds more than %d values; are aliases expanding it?", maxValues)
		d.stop = true
		return
	}
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
		s = strings.TrimSpace(s) // a block scalar ends in a newline
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

// unwrap strips tags, anchors and "? " key markers, and resolves aliases.
func (d *decoder) unwrap(n ast.Node) ast.Node {
	for i := 0; i < 16 && n != nil; i++ {
		if reflect.ValueOf(n).IsNil() {
			return nil // a typed nil, as the parser leaves for a missing part
		}
		switch t := n.(type) {
		case *ast.TagNode:
			n = t.Value
		case *ast.MappingKeyNode:
			n = t.Value
		case *ast.AnchorNode:
			if name := tokenValue(t.Name); name != "" {
				d.anchors[name] = t.Value
			}
			n = t.Value
		case *ast.AliasNode:
			name := tokenValue(t.Value)
			target, ok := d.anchors[name]
			if !ok {
				d.errorf(n, "unknown alias *%s", name)
				return nil
			}
			n = target
		case *ast.DocumentNode:
			n = t.Body
		default:
			return n
		}
	}
	if n != nil && reflect.ValueOf(n).IsNil() {
		return nil
	}
	return n
}

// tokenValue returns the text of n's token, or "".
func tokenValue(n ast.Node) string {
	if n == nil || reflect.ValueOf(n).IsNil() {
		return ""
	}
	if tk := n.GetToken(); tk != nil {
		return tk.Value
	}
	return ""
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

// describe names the kind of n for messages: "a list", "an integer".
func describe(n ast.Node) string {
	switch n.(type) {
	case *ast.MappingNode, *ast.MappingValueNode:
		return "a mapping"
	case *ast.SequenceNode:
		return "a list"
	case nil:
		return "nothing"
	}
	kind := strings.ToLower(n.Type().String())
	if strings.ContainsRune("aeiou", rune(kind[0])) {
		return "an " + kind
	}
	return "a " + kind
}

// keyName returns the text of a mapping key, which must be a scalar.
func keyName(n ast.Node) (string, bool) {
	switch t := n.(type) {
	case *ast.StringNode:
		return t.Value, true
	case *ast.IntegerNode, *ast.FloatNode, *ast.BoolNode, *ast.NullNode, *ast.InfinityNode, *ast.NanNode:
		if tk := n.GetToken(); tk != nil {
			return tk.Value, true
		}
	}
	return "", false
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
		if kv == nil || kv.Key == nil || d.stop {
			continue
		}
		k := d.unwrap(kv.Key)
		if k == nil {
			continue // an unknown alias, already reported
		}
		if _, ok := k.(*ast.MergeKeyNode); ok {
			d.errorf(kv.Key, "merge keys (<<) are not supported in a plan")
			continue
		}
		key, ok := keyName(k)
		if !ok {
			where := "at the top level"
			if keyPath != "" {
				where = "in " + keyPath
			}
			d.errorf(kv.Key, "a key %s must be a string, found %s", where, describe(k))
			continue
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
		if d.stop {
			return
		}
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
		if dist := EditDistance(key, k); dist < bestDist {
			best, bestDist = k, dist
		}
	}
	return best
}

// EditDistance is the Levenshtein distance between two short strings (at
// most 64 for longer ones), for the did-you-mean suggestions of the plan,
// the command's flags and the directives' analyzer names.
func EditDistance(a, b string) int {
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
	// A bare number needs a unit; "inf" and "nan" parse as floats but are
	// no numbers a user meant, so are reported as malformed below.
	if _, err := strconv.ParseFloat(s, 64); err == nil && strings.ContainsAny(s, "0123456789") {
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
// writes into the caller's plan. slices.Clone keeps nil and empty lists
// apart, so a copy is DeepEqual to its original.
func clonePlan(p *Plan) *Plan {
	c := *p
	c.Endpoints = slices.Clone(p.Endpoints)
	c.Cache.Keys = slices.Clone(p.Cache.Keys)
	c.Cache.Invalidate = slices.Clone(p.Cache.Invalidate)
	for i := range c.Cache.Invalidate {
		c.Cache.Invalidate[i].Keys = slices.Clone(c.Cache.Invalidate[i].Keys)
	}
	c.Metrics = slices.Clone(p.Metrics)
	for i := range c.Metrics {
		c.Metrics[i].Labels = slices.Clone(c.Metrics[i].Labels)
		c.Metrics[i].Buckets = slices.Clone(c.Metrics[i].Buckets)
		c.Metrics[i].Aliases = slices.Clone(c.Metrics[i].Aliases)
	}
	c.Alerts = slices.Clone(p.Alerts)
	c.Queries = slices.Clone(p.Queries)
	c.Ignore = slices.Clone(p.Ignore)
	c.Adjusted = nil // a base's adjustments are not the file's
	return &c
}
