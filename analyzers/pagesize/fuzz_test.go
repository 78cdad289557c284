package pagesize_test

import (
	"fmt"
	"go/ast"
	"go/parser"
	"go/token"
	"go/types"
	"strings"
	"testing"
	"time"

	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/analysis/passes/inspect"
	"golang.org/x/tools/go/ast/inspector"

	"github.com/perfvet/perfvet/analyzers/internal/ssabuild"
	"github.com/perfvet/perfvet/analyzers/pagesize"
)

// FuzzTracer generates Go functions of loop and phi shapes (nested loops,
// chains of min, max and abs, variables swapped into each other, values
// assigned to themselves, conversions, struct fields, pointers, recursive
// helpers) around page-size sinks (a LIMIT placeholder, make, a helper's
// result), type-checks them against small stubs of the standard library,
// builds their SSA and runs the analyzer on them. It checks that the
// analyzer ends, within a generous time, without a panic or an error: the
// tracer's recursion is bounded by construction, and a shape that
// overflowed the stack would take the test process down.
//
// The seeds run in every `go test`; `go test -fuzz FuzzTracer` explores.
func FuzzTracer(f *testing.F) {
	for _, seed := range tracerSeeds {
		f.Add(seed)
	}
	f.Fuzz(func(t *testing.T, program []byte) {
		src := generate(program)
		done := make(chan error, 1)
		go func() { done <- runOnSource(src) }()
		select {
		case err := <-done:
			if err != nil {
				t.Fatalf("%v\n--- generated source:\n%s", err, src)
			}
		case <-time.After(2 * time.Minute):
			t.Fatalf("the analyzer did not finish in 2 minutes\n--- generated source:\n%s", src)
		}
	})
}

// tracerSeeds are programs for generate: each byte picks a statement
// shape or an operand. The first is the running minimum that once
// overflowed the stack.
var tracerSeeds = [][]byte{
	{opSource, 1, opRange, 0, 4, opIfElse, 0, 2, 1, opAssign, 0, 1, opMin, 0, 0, 1, opEnd},
	{opRange, 0, 2, opMin, 0, 0, 1, opMax, 1, 1, 0, opSwap, 0, 1},
	{opSource, 0, opFor, 1, 3, opRange, 2, 3, opMin, 0, 0, 2, opAbs, 2, opSelf, 0, opEnd, opEnd},
	{opSource, 2, opStoreField, 2, opLoop, 0, opLoadField, 0, opMin, 2, 2, 0, opStoreField, 2, opEnd, opPtrField, 1},
	{opSource, 0, opConvert, 1, 0, opRange, 0, 3, opSwap, 1, 2, opSwap, 2, 0, opClampIf, 0, opEnd},
	{opSource, 3, opAddrOf, 3, 1, opRange, 0, 2, opHelper, 0, 3, opHelper, 3, 0, opEnd, opSwitch, 0, 1, opMax, 1, 1, 3, opEnd},
	{opSource, 1, opStructCopy, 1, opRange, 0, 6, opIfElse, 1, 0, 3, opInner, 1, opMin, 1, 1, 0, opEnd, opSelf, 1, opEnd},
	{opSource, 0, opRange, 0, 5, opRange, 1, 5, opRange, 2, 4, opMax, 0, 0, 1, opMin, 1, 1, 0, opSwap, 0, 1, opEnd, opEnd, opEnd},
	{opSource, 0, opClampMin, 0, opRange, 0, 2, opMin, 0, 0, 1, opEnd},
	{opSource, 1, opFuncValue, 1, 2, opStoreField, 2, opFuncValue, 2, 0, opLoadField, 0},
	{opSource, 2, opHalve, 2, 0, opBreakLoop, 2, 1, opAdd, 0, 1, 2, opLen, 3, 0},
	{},
}

// Statement shapes, picked by a byte modulo opCount.
const (
	opMin        = iota // vI = min(vJ, vK)
	opMax               // vI = max(vJ, vK)
	opClampMin          // vI = min(vI, 100)
	opAbs               // if vI < 0 { vI = -vI }
	opAdd               // vI = vJ + vK
	opConvert           // vI = int(int64(uint32(vJ)))
	opSelf              // vI = vI
	opSwap              // vI, vJ = vJ, vI
	opStoreField        // s.Limit = vI
	opLoadField         // vI = s.Limit
	opInner             // s.Inner.N = int64(vI); vI = int(s.Inner.N)
	opPtrField          // { p := &s; p.Limit = min(p.Limit, vI) }
	opSource            // vI, _ = strconv.Atoi(r.FormValue("limit"))
	opRange             // for _, x := range items { vI = min(vI, x); ... }
	opFor               // for i := 0; i < vI; i++ { ... }
	opIfElse            // if vI > vJ { ... } else { ... }
	opClampIf           // if vI > 100 { vI = 100 }
	opHelper            // vI = helper(vJ), a helper with the same shapes
	opSwitch            // switch { case vI > vJ: vI = vJ; default: ... }
	opBreakLoop         // for vI > 0 { vI /= 2; if vJ > 10 { break }; ... }
	opAssign            // vI = vJ
	opLen               // vI = len(items) + vJ
	opStructCopy        // { q := s; vI = q.Limit; s = q }
	opAddrOf            // { pv := &vI; *pv = max(*pv, vJ) }
	opHalve             // vI = halve(vJ), a recursive helper; or even(vJ), mutually recursive
	opLoop              // for { ...; if vI > 3 { break } }
	opFuncValue         // { f := func(p *page) { p.Limit = vI }; f(&s); vI = s.Limit }
	opEnd               // ends the innermost block
	opCount
)

const (
	numVars   = 4
	maxNest   = 5
	maxStmts  = 80
	maxLength = 512
)

// generate turns a program into a Go file that type-checks: a handler
// running the program and a helper running it again, both ending at
// page-size sinks.
func generate(program []byte) string {
	if len(program) > maxLength {
		program = program[:maxLength]
	}
	g := &gen{prog: program}
	var b strings.Builder
	b.WriteString(fuzzPrelude)
	b.WriteString("func handler(w http.ResponseWriter, r *http.Request, db *sql.DB, items, caps []int) {\n")
	b.WriteString(g.body())
	b.WriteString("\tdb.QueryContext(r.Context(), `SELECT id FROM users ORDER BY id LIMIT $1`, v0)\n")
	b.WriteString("\tdb.QueryContext(r.Context(), `SELECT id FROM users ORDER BY id LIMIT $1`, s.Limit)\n")
	b.WriteString("\tdb.QueryContext(r.Context(), `SELECT id FROM users ORDER BY id LIMIT $1`, helper(r, db, items, v1))\n")
	b.WriteString("\t_ = make([]int, v2)\n")
	b.WriteString("\t_, _, _, _, _ = v0, v1, v2, v3, s\n}\n\n")
	g.pc = 0
	b.WriteString("func helper(r *http.Request, db *sql.DB, items []int, n int) int {\n")
	b.WriteString(g.body())
	b.WriteString("\tv0 = min(v0, n)\n")
	b.WriteString("\tdb.Query(`SELECT id FROM users ORDER BY id LIMIT ?`, v3)\n")
	b.WriteString("\t_, _, _, _, _ = v0, v1, v2, v3, s\n\treturn v0\n}\n")
	return b.String()
}

const fuzzPrelude = `package gen

import (
	"database/sql"
	"net/http"
	"strconv"
)

type inner struct{ N int64 }

type page struct {
	Limit int
	Inner inner
}

func abs(n int) int {
	if n < 0 {
		return -n
	}
	return n
}

func halve(n int) int {
	if n > 1 {
		return halve(n / 2)
	}
	return n
}

func even(n int) int {
	if n > 0 {
		return odd(n - 1)
	}
	return n
}

func odd(n int) int {
	if n > 0 {
		return even(n - 1)
	}
	return n + 1
}

var _ = strconv.Atoi

func (p *page) SetLimit(n int) *page {
	if n > 0 {
		p.Limit = n
	}
	return p
}

func setLimit(p *page, n int) { p.SetLimit(n).SetLimit(min(n, 100)) }

`

type gen struct {
	prog  []byte
	pc    int
	stmts int
	b     strings.Builder
}

func (g *gen) next() int {
	if g.pc >= len(g.prog) {
		return 0
	}
	g.pc++
	return int(g.prog[g.pc-1])
}

func (g *gen) more() bool { return g.pc < len(g.prog) && g.stmts < maxStmts }

func (g *gen) v() string { return fmt.Sprintf("v%d", g.next()%numVars) }

// body returns the statements of a function: the variables, then the
// program.
func (g *gen) body() string {
	g.b.Reset()
	g.stmts = 0
	g.line(1, "v0, v1, v2, v3 := 0, 1, 2, 3")
	g.line(1, "var s page")
	g.block(1)
	return g.b.String()
}

func (g *gen) line(depth int, format string, args ...any) {
	g.b.WriteString(strings.Repeat("\t", depth))
	fmt.Fprintf(&g.b, format, args...)
	g.b.WriteString("\n")
}

// block writes statements at nesting depth until opEnd or the end of the
// program.
func (g *gen) block(depth int) {
	for g.more() {
		op := g.next() % opCount
		if op == opEnd {
			return
		}
		g.stmts++
		g.stmt(op, depth)
	}
}

// nested writes a nested block, or nothing below the nesting bound.
func (g *gen) nested(depth int) {
	if depth < maxNest {
		g.block(depth + 1)
	}
}

func (g *gen) stmt(op, d int) {
	switch op {
	case opMin:
		g.line(d, "%s = min(%s, %s)", g.v(), g.v(), g.v())
	case opMax:
		g.line(d, "%s = max(%s, %s)", g.v(), g.v(), g.v())
	case opClampMin:
		v := g.v()
		g.line(d, "%s = min(%s, 100)", v, v)
	case opAbs:
		v := g.v()
		g.line(d, "if %s < 0 {", v)
		g.line(d+1, "%s = -%s", v, v)
		g.line(d, "}")
	case opAdd:
		g.line(d, "%s = %s + %s", g.v(), g.v(), g.v())
	case opConvert:
		g.line(d, "%s = int(int64(uint32(%s)))", g.v(), g.v())
	case opSelf:
		v := g.v()
		g.line(d, "%s = %s", v, v)
	case opSwap:
		a, b := g.v(), g.v()
		g.line(d, "%s, %s = %s, %s", a, b, b, a)
	case opStoreField:
		g.line(d, "s.Limit = %s", g.v())
	case opLoadField:
		g.line(d, "%s = s.Limit", g.v())
	case opInner:
		v := g.v()
		g.line(d, "s.Inner.N = int64(%s)", v)
		g.line(d, "%s = int(s.Inner.N)", v)
	case opPtrField:
		g.line(d, "{")
		g.line(d+1, "p := &s")
		g.line(d+1, "p.Limit = min(p.Limit, %s)", g.v())
		g.line(d, "}")
	case opSource:
		g.line(d, "%s, _ = strconv.Atoi(r.FormValue(\"limit\"))", g.v())
	case opRange:
		v := g.v()
		g.line(d, "for _, x := range items {")
		g.line(d+1, "%s = min(%s, x)", v, v)
		g.nested(d)
		g.line(d, "}")
	case opFor:
		g.line(d, "for i := 0; i < %s; i++ {", g.v())
		g.nested(d)
		g.line(d, "}")
	case opIfElse:
		g.line(d, "if %s > %s {", g.v(), g.v())
		g.nested(d)
		g.line(d, "} else {")
		g.nested(d)
		g.line(d, "}")
	case opClampIf:
		v := g.v()
		g.line(d, "if %s > 100 {", v)
		g.line(d+1, "%s = 100", v)
		g.line(d, "}")
	case opHelper:
		g.line(d, "%s = abs(%s)", g.v(), g.v())
	case opSwitch:
		a, b := g.v(), g.v()
		g.line(d, "switch {")
		g.line(d, "case %s > %s:", a, b)
		g.line(d+1, "%s = %s", a, b)
		g.line(d, "default:")
		g.nested(d)
		g.line(d, "}")
	case opBreakLoop:
		a, b := g.v(), g.v()
		g.line(d, "for %s > 0 {", a)
		g.line(d+1, "%s /= 2", a)
		g.line(d+1, "if %s > 10 {", b)
		g.line(d+2, "break")
		g.line(d+1, "}")
		g.nested(d)
		g.line(d, "}")
	case opAssign:
		g.line(d, "%s = %s", g.v(), g.v())
	case opLen:
		g.line(d, "%s = len(items) + %s", g.v(), g.v())
	case opStructCopy:
		g.line(d, "{")
		g.line(d+1, "q := s")
		g.line(d+1, "%s = q.Limit", g.v())
		g.line(d+1, "s = q")
		g.line(d, "}")
	case opAddrOf:
		a, b := g.v(), g.v()
		g.line(d, "{")
		g.line(d+1, "pv := &%s", a)
		g.line(d+1, "*pv = max(*pv, %s)", b)
		g.line(d, "}")
	case opHalve:
		fn := "halve"
		if g.next()%2 == 1 {
			fn = "even"
		}
		g.line(d, "%s = %s(%s)", g.v(), fn, g.v())
	case opFuncValue:
		a, b := g.v(), g.v()
		g.line(d, "{")
		g.line(d+1, "f := func(p *page) { p.Limit = %s }", a)
		g.line(d+1, "f(&s)")
		g.line(d+1, "var ps *page = &s")
		g.line(d+1, "setLimit(ps, %s)", b)
		g.line(d+1, "%s = ps.Limit", b)
		g.line(d, "}")
	case opLoop:
		v := g.v()
		g.line(d, "for {")
		g.nested(d)
		g.line(d+1, "if %s > 3 {", v)
		g.line(d+2, "break")
		g.line(d+1, "}")
		g.line(d+1, "%s++", v)
		g.line(d, "}")
	}
}

// runOnSource type-checks src against the stubs, and runs the analyzer
// on it as a driver would.
func runOnSource(src string) error {
	_, err := diagnosticsOf(src)
	return err
}

// diagnosticsOf returns the messages the analyzer reports on src.
func diagnosticsOf(src string) (msgs []string, err error) {
	defer func() {
		if p := recover(); p != nil {
			err = fmt.Errorf("panic: %v", p)
		}
	}()
	fset := token.NewFileSet()
	file, err := parser.ParseFile(fset, "gen.go", src, parser.SkipObjectResolution)
	if err != nil {
		return nil, fmt.Errorf("the generator wrote a file that does not parse: %w", err)
	}
	imp := &stubImporter{fset: fset, pkgs: make(map[string]*types.Package)}
	info := &types.Info{
		Types:        make(map[ast.Expr]types.TypeAndValue),
		Defs:         make(map[*ast.Ident]types.Object),
		Uses:         make(map[*ast.Ident]types.Object),
		Implicits:    make(map[ast.Node]types.Object),
		Selections:   make(map[*ast.SelectorExpr]*types.Selection),
		Scopes:       make(map[ast.Node]*types.Scope),
		Instances:    make(map[*ast.Ident]types.Instance),
		FileVersions: make(map[*ast.File]string),
	}
	conf := types.Config{Importer: imp, GoVersion: "go1.22"}
	pkg, err := conf.Check("example.com/gen", fset, []*ast.File{file}, info)
	if err != nil {
		return nil, fmt.Errorf("the generator wrote a file that does not type-check: %w", err)
	}
	a := pagesize.New(defaultConfig())
	pass := &analysis.Pass{
		Analyzer:          a,
		Fset:              fset,
		Files:             []*ast.File{file},
		Pkg:               pkg,
		TypesInfo:         info,
		TypesSizes:        types.SizesFor("gc", "amd64"),
		ResultOf:          map[*analysis.Analyzer]any{inspect.Analyzer: inspector.New([]*ast.File{file})},
		Report:            func(d analysis.Diagnostic) { msgs = append(msgs, d.Message) },
		ImportObjectFact:  func(types.Object, analysis.Fact) bool { return false },
		ExportObjectFact:  func(types.Object, analysis.Fact) {},
		ImportPackageFact: func(*types.Package, analysis.Fact) bool { return false },
		ExportPackageFact: func(analysis.Fact) {},
		AllObjectFacts:    func() []analysis.ObjectFact { return nil },
		AllPackageFacts:   func() []analysis.PackageFact { return nil },
	}
	res, err := ssabuild.Analyzer.Run(pass)
	if err != nil {
		return nil, err
	}
	pass.ResultOf[ssabuild.Analyzer] = res
	if r, ok := res.(*ssabuild.Result); !ok || r.Err() != nil {
		return nil, fmt.Errorf("no SSA for the generated file")
	}
	_, err = a.Run(pass)
	return msgs, err
}

// stubImporter type-checks the few standard packages the generated code
// imports from small stubs that declare what the analyzer matches, under
// their real paths.
type stubImporter struct {
	fset *token.FileSet
	pkgs map[string]*types.Package
}

func (s *stubImporter) Import(path string) (*types.Package, error) {
	if p := s.pkgs[path]; p != nil {
		return p, nil
	}
	src, ok := stdStubs[path]
	if !ok {
		return nil, fmt.Errorf("no stub for %q", path)
	}
	f, err := parser.ParseFile(s.fset, path+"/stub.go", src, parser.SkipObjectResolution)
	if err != nil {
		return nil, err
	}
	conf := types.Config{Importer: s}
	p, err := conf.Check(path, s.fset, []*ast.File{f}, nil)
	if err != nil {
		return nil, err
	}
	s.pkgs[path] = p
	return p, nil
}

var stdStubs = map[string]string{
	"context": `package context
type Context interface{ Done() <-chan struct{} }
`,
	"io": `package io
type Reader interface{ Read(p []byte) (int, error) }
type ReadCloser interface {
	Reader
	Close() error
}
`,
	"net/url": `package url
type Values map[string][]string
func (v Values) Get(key string) string { return "" }
type URL struct{ RawQuery string }
func (u *URL) Query() Values { return nil }
`,
	"net/http": `package http
import (
	"context"
	"io"
	"net/url"
)
type ResponseWriter interface{ Write([]byte) (int, error) }
type Request struct {
	URL  *url.URL
	Form url.Values
	Body io.ReadCloser
}
func (r *Request) Context() context.Context { return nil }
func (r *Request) FormValue(key string) string { return "" }
`,
	"strconv": `package strconv
func Atoi(s string) (int, error) { return 0, nil }
`,
	"database/sql": `package sql
import "context"
type DB struct{}
type Rows struct{}
func (db *DB) Query(query string, args ...any) (*Rows, error) { return nil, nil }
func (db *DB) QueryContext(ctx context.Context, query string, args ...any) (*Rows, error) { return nil, nil }
`,
}

// TestFuzzHarnessFinds checks that the harness reaches the analyzer's
// rules: on the seed that reads the request's limit, the analyzer
// reports the unclamped page size (a harness that silently built no SSA
// would pass every fuzz input).
func TestFuzzHarnessFinds(t *testing.T) {
	src := generate([]byte{opSource, 0})
	diags, err := diagnosticsOf(src)
	if err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(strings.Join(diags, "\n"), `page size from form value "limit" reaches LIMIT without an upper bound`) {
		t.Errorf("the harness's analyzer reported %q on\n%s\nwant the unclamped limit", diags, src)
	}
	diags, err = diagnosticsOf(generate([]byte{opSource, 0, opClampMin, 0}))
	if err != nil {
		t.Fatal(err)
	}
	for _, d := range diags {
		if strings.Contains(d, `"limit" reaches LIMIT`) {
			t.Errorf("reported %q after min(v0, 100)", d)
		}
	}
}
