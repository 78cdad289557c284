package driver

import (
	"cmp"
	"encoding/json"
	"fmt"
	"go/ast"
	"go/parser"
	"go/token"
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"strings"
)

// A Baseline is a file of accepted findings: a team adopting perfvet on a
// large service records today's findings once, and later runs report only
// the findings that are not in it.
//
// A finding's key is stable under unrelated edits: no line or column, but
// the analyzer, the category, the file (relative to the directory the
// command runs in), the function that encloses the finding, and the message
// with positions and counts of reaching places stripped. Findings with one
// key are counted, not numbered (as PHPStan's baseline does): if the
// baseline holds a key n times, the first n current findings with that key
// (in position order) are accepted and the others are new. Moving code,
// adding lines above a finding or adding a handler that reaches a baselined
// cause keep the key; renaming the enclosing function or the file, or a
// change of message, make the finding new.
type Baseline struct {
	Version  int             `json:"version"`
	Findings []BaselineEntry `json:"findings"`
}

// A BaselineEntry is one key and how many findings have it.
type BaselineEntry struct {
	Analyzer string `json:"analyzer"`
	Category string `json:"category,omitempty"`
	File     string `json:"file"`
	Func     string `json:"func,omitempty"`
	Message  string `json:"message"`
	Count    int    `json:"count"`
}

const baselineVersion = 1

// posnInMessage matches a position written in a message ("store.go:22",
// "internal/a.go:10:4").
var posnInMessage = regexp.MustCompile(`[\w./-]+\.go:\d+(?::\d+)?`)

// stableMessage strips from a message what changes under unrelated edits.
func stableMessage(msg string) string {
	msg = posnInMessage.ReplaceAllStringFunc(msg, func(s string) string {
		name, _, _ := strings.Cut(s, ".go:")
		return filepath.Base(name) + ".go"
	})
	return reachCount.ReplaceAllString(msg, "N ${2}s reach it")
}

type baselineKey struct{ analyzer, category, file, fn, msg string }

// baselineKeys returns the key of each finding, in order.
func (r *Result) baselineKeys(dir string) []baselineKey {
	funcs := make(map[string]*enclosing)
	keys := make([]baselineKey, len(r.Findings))
	for i, f := range r.Findings {
		posn := r.Fset.Position(f.Diag.Pos)
		e := funcs[posn.Filename]
		if e == nil {
			e = parseEnclosing(posn.Filename)
			funcs[posn.Filename] = e
		}
		keys[i] = baselineKey{
			analyzer: f.Analyzer,
			category: f.Diag.Category,
			file:     filepath.ToSlash(Relativize(dir, posn.Filename)),
			fn:       e.at(posn.Offset),
			msg:      stableMessage(f.Diag.Message),
		}
	}
	return keys
}

// MakeBaseline returns the baseline of the run's findings.
func (r *Result) MakeBaseline(dir string) *Baseline {
	counts := make(map[baselineKey]int)
	var order []baselineKey
	for _, k := range r.baselineKeys(dir) {
		if counts[k] == 0 {
			order = append(order, k)
		}
		counts[k]++
	}
	b := &Baseline{Version: baselineVersion, Findings: []BaselineEntry{}}
	for _, k := range order {
		b.Findings = append(b.Findings, BaselineEntry{Analyzer: k.analyzer, Category: k.category, File: k.file, Func: k.fn, Message: k.msg, Count: counts[k]})
	}
	slices.SortFunc(b.Findings, func(x, y BaselineEntry) int {
		return cmp.Or(cmp.Compare(x.File, y.File), cmp.Compare(x.Func, y.Func), cmp.Compare(x.Analyzer, y.Analyzer),
			cmp.Compare(x.Category, y.Category), cmp.Compare(x.Message, y.Message))
	})
	return b
}

// WriteBaseline writes a baseline file.
func WriteBaseline(path string, b *Baseline) error {
	data, err := json.MarshalIndent(b, "", "\t")
	if err != nil {
		return err
	}
	return os.WriteFile(path, append(data, '\n'), 0o644)
}

// ReadBaseline reads a baseline file.
func ReadBaseline(path string) (*Baseline, error) {
	data, err := os.ReadFile(path)
	if err != nil {
		return nil, err
	}
	var b Baseline
	if err := json.Unmarshal(data, &b); err != nil {
		return nil, fmt.Errorf("%s: not a perfvet baseline: %w", path, err)
	}
	if b.Version != baselineVersion {
		return nil, fmt.Errorf("%s: baseline version %d, want %d (write it again with -baseline-write)", path, b.Version, baselineVersion)
	}
	return &b, nil
}

// FilterBaseline removes from the run's findings those the baseline
// accepts, and returns how many it removed.
func (r *Result) FilterBaseline(b *Baseline, dir string) int {
	left := make(map[baselineKey]int)
	for _, e := range b.Findings {
		left[baselineKey{e.Analyzer, e.Category, e.File, e.Func, e.Message}] += e.Count
	}
	keys := r.baselineKeys(dir)
	kept := r.Findings[:0]
	removed := 0
	for i, f := range r.Findings {
		if left[keys[i]] > 0 {
			left[keys[i]]--
			removed++
			continue
		}
		kept = append(kept, f)
	}
	r.Findings = kept
	return removed
}

// enclosing finds the declared function around an offset of a file.
type enclosing struct {
	funcs []funcSpan
}

type funcSpan struct {
	start, end int
	name       string
}

func parseEnclosing(filename string) *enclosing {
	e := &enclosing{}
	fset := token.NewFileSet()
	f, _ := parser.ParseFile(fset, filename, nil, parser.SkipObjectResolution)
	if f == nil {
		return e // unreadable: the key has no function
	}
	for _, d := range f.Decls {
		fd, ok := d.(*ast.FuncDecl)
		if !ok {
			continue
		}
		e.funcs = append(e.funcs, funcSpan{fset.Position(fd.Pos()).Offset, fset.Position(fd.End()).Offset, funcName(fd)})
	}
	return e
}

// at returns the function around offset: "Name", or "Recv.Name" for a
// method; "" outside functions.
func (e *enclosing) at(offset int) string {
	for _, f := range e.funcs {
		if f.start <= offset && offset < f.end {
			return f.name
		}
	}
	return ""
}

func funcName(fd *ast.FuncDecl) string {
	if fd.Recv == nil || len(fd.Recv.List) == 0 {
		return fd.Name.Name
	}
	t := fd.Recv.List[0].Type
	for {
		switch x := t.(type) {
		case *ast.StarExpr:
			t = x.X
			continue
		case *ast.IndexExpr:
			t = x.X
			continue
		case *ast.IndexListExpr:
			t = x.X
			continue
		case *ast.ParenExpr:
			t = x.X
			continue
		}
		break
	}
	if id, ok := t.(*ast.Ident); ok {
		return id.Name + "." + fd.Name.Name
	}
	return fd.Name.Name
}
