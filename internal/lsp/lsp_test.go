package lsp_test

import (
	"encoding/json"
	"fmt"
	"go/ast"
	"go/format"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
	"time"

	protocol "github.com/tliron/glsp/protocol_3_16"
	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/analysis/passes/inspect"
	"golang.org/x/tools/go/ast/inspector"

	"github.com/perfvet/perfvet/analyzers"
	"github.com/perfvet/perfvet/internal/fixturemod"
	"github.com/perfvet/perfvet/internal/lsp"
)

// fixture copies testdata/lsp into a temporary directory.
func fixture(t *testing.T) string {
	t.Helper()
	src, err := filepath.Abs(filepath.Join("..", "..", "testdata", "lsp"))
	if err != nil {
		t.Fatal(err)
	}
	fixturemod.Ensure(t, src)
	dst := t.TempDir()
	err = filepath.WalkDir(src, func(path string, d os.DirEntry, err error) error {
		if err != nil {
			return err
		}
		rel, _ := filepath.Rel(src, path)
		if d.IsDir() {
			return os.MkdirAll(filepath.Join(dst, rel), 0o755)
		}
		data, err := os.ReadFile(path)
		if err != nil {
			return err
		}
		return os.WriteFile(filepath.Join(dst, rel), data, 0o644)
	})
	if err != nil {
		t.Fatal(err)
	}
	return dst
}

const (
	queryMsg = "(*sql.DB).Query in a request path has no context"
	bgMsg    = "(*store.Store).UserName runs a database query ((*sql.DB).QueryRowContext) with context.Background()"
	// One cause, one finding: Count, which takes no context, is reported at
	// Count in store.go (by api's analysis, which reaches it from a
	// request path), not at api's call.
	countMsg = "(*store.Store).Count runs a database query with no context"
	loopMsg  = "runs a query once per element of ids"
	planMsg  = "is longer than the plan's request_timeout (10s)"
)

func withVersion(v int32, f func(protocol.PublishDiagnosticsParams) bool) func(protocol.PublishDiagnosticsParams) bool {
	return func(p protocol.PublishDiagnosticsParams) bool {
		return p.Version != nil && int32(*p.Version) == v && f(p)
	}
}

func all(fs ...func(protocol.PublishDiagnosticsParams) bool) func(protocol.PublishDiagnosticsParams) bool {
	return func(p protocol.PublishDiagnosticsParams) bool {
		for _, f := range fs {
			if !f(p) {
				return false
			}
		}
		return true
	}
}

// Opening a file shows its findings, with the analyzer as source, the
// category as code and the check's documentation; a quick fix makes the
// finding go away, and a fix that leaves an import unused removes it.
func TestDiagnosticsAndQuickFix(t *testing.T) {
	dir := fixture(t)
	c := startServer(t, dir, lsp.Options{Debounce: 20 * time.Millisecond}, nil)
	text := c.open("api/api.go")
	p := c.wait("api/api.go", "the findings for version 1", withVersion(1, all(hasMessage(queryMsg), hasMessage(bgMsg), hasMessage(loopMsg))))
	c.mu.Lock()
	raw := c.raw[c.path("api/api.go")]
	c.mu.Unlock()
	for _, want := range []string{`"source":"timeouts"`, `"code":"request"`, `"codeDescription":{"href":"https://github.com/perfvet/perfvet/blob/main/analyzers/timeouts/doc.go#request"}`, `"severity":2`} {
		if !strings.Contains(raw, want) {
			t.Errorf("publishDiagnostics lacks %s:\n%s", want, raw)
		}
	}
	d := find(p, queryMsg)
	if d.Range.Start != (protocol.Position{Line: 20, Character: 14}) {
		t.Errorf("Query finding at %+v, want 21:15", d.Range)
	}

	// The Query fix.
	actions := c.codeActions("api/api.go", d.Range)
	if len(actions) != 1 || actions[0].Kind == nil || *actions[0].Kind != "quickfix" || actions[0].Edit == nil {
		t.Fatalf("code actions: %+v", actions)
	}
	if got := actions[0].Title; got != "Use QueryContext with the request's context" {
		t.Errorf("title %q", got)
	}
	text = applyEdits(t, text, actions[0].Edit.Changes["file://"+c.path("api/api.go")])
	if !strings.Contains(text, "a.DB.QueryContext(r.Context(), \"SELECT id FROM users\")") {
		t.Fatalf("fixed text:\n%s", text)
	}
	v := c.edit("api/api.go", text)
	p = c.wait("api/api.go", "the Query finding to go", withVersion(v, not(hasMessage(queryMsg))))
	if !hasMessage(bgMsg)(p) {
		t.Errorf("the other findings went too: %+v", p.Diagnostics)
	}

	// The context.Background() fix leaves "context" unused: it goes too.
	d = find(p, bgMsg)
	actions = c.codeActions("api/api.go", protocol.Range{Start: d.Range.Start, End: d.Range.Start})
	if len(actions) != 1 {
		t.Fatalf("code actions: %+v", actions)
	}
	text = applyEdits(t, text, actions[0].Edit.Changes["file://"+c.path("api/api.go")])
	if strings.Contains(text, `"context"`) || !strings.Contains(text, "a.Store.UserName(r.Context(), 1)") {
		t.Errorf("fixed text:\n%s", text)
	}
	if _, err := format.Source([]byte(text)); err != nil {
		t.Errorf("fixed text does not parse: %v\n%s", err, text)
	}
	v = c.edit("api/api.go", text)
	c.wait("api/api.go", "the Background finding to go", withVersion(v, all(not(hasMessage(bgMsg)), hasMessage(loopMsg))))

	// Fixes computed on an older version are not offered.
	v = c.edit("api/api.go", text+"\n// more\n")
	if got := c.codeActions("api/api.go", find(p, loopMsg).Range); len(got) != 0 {
		// The loop finding has no fix anyway; check that nothing stale comes back.
		t.Errorf("code actions on a changed buffer: %+v", got)
	}
	c.wait("api/api.go", "the edit to be analysed", withVersion(v, hasMessage(loopMsg)))

	// Saving writes nothing on the server side; the saved file analyses
	// the same.
	if err := os.WriteFile(c.path("api/api.go"), []byte(text+"\n// more\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	c.save("api/api.go")
	c.wait("api/api.go", "the saved file", withVersion(v, hasMessage(loopMsg)))
}

// An unsaved edit to a package re-analyses the workspace packages that
// import it: api's finding through store.Count goes when Count stops
// querying, and comes back when the edit is undone.
func TestDependents(t *testing.T) {
	dir := fixture(t)
	c := startServer(t, dir, lsp.Options{Debounce: 20 * time.Millisecond}, nil)
	c.open("api/api.go")
	orig := c.open("store/store.go")
	c.wait("store/store.go", "the Count finding", hasMessage(countMsg))
	edited := strings.Replace(orig, `err := s.DB.QueryRow("SELECT count(*) FROM users").Scan(&n)`, `var err error`, 1)
	if edited == orig {
		t.Fatal("store.go did not change")
	}
	c.edit("store/store.go", edited)
	c.wait("store/store.go", "the Count finding to go", not(hasMessage(countMsg)))
	c.wait("api/api.go", "api's own findings", hasMessage(queryMsg))

	// Going to a definition in the standard library opens a file of GOROOT:
	// that module is not loaded.
	out, err := exec.CommandContext(t.Context(), "go", "env", "GOROOT").Output()
	if err != nil {
		t.Fatal(err)
	}
	goroot := strings.TrimSpace(string(out))
	c.notify("textDocument/didOpen", map[string]any{"textDocument": map[string]any{
		"uri": "file://" + filepath.Join(goroot, "src", "fmt", "print.go"), "languageId": "go", "version": 1, "text": "package fmt\n"}})

	// A syntax error while typing: no crash, and the package comes back.
	c.edit("store/store.go", strings.Replace(orig, "func (s *Store) Count() (int, error) {", "func (s *Store) Count() (int, error) { if", 1))
	time.Sleep(300 * time.Millisecond)
	c.edit("store/store.go", orig)
	c.wait("store/store.go", "the Count finding to come back", hasMessage(countMsg))

	// A burst of edits, faster than the updates: updates in progress are
	// cancelled, and the last edit's state is what is published.
	var v int32
	for i := range 12 {
		text := orig
		if i%2 == 0 {
			text = edited
		}
		v = c.edit("store/store.go", text+fmt.Sprintf("\nvar burst%d = %d\n", i, i))
		time.Sleep(time.Duration(i%4) * 15 * time.Millisecond)
	}
	c.wait("store/store.go", "the last edit to be analysed", withVersion(v, func(protocol.PublishDiagnosticsParams) bool { return true }))
	c.wait("store/store.go", "the Count finding after the burst", hasMessage(countMsg))
	c.mu.Lock()
	defer c.mu.Unlock()
	for _, l := range c.logs {
		if strings.Contains(l, "module "+filepath.Join(goroot, "src")) {
			t.Errorf("a file of GOROOT was loaded as a module: %s", l)
		}
	}
}

// The plan is honoured, reloaded when it changes on disk or is saved, and
// a malformed plan is reported on the plan file, where the problem is.
func TestPlan(t *testing.T) {
	dir := fixture(t)
	c := startServer(t, dir, lsp.Options{Debounce: 20 * time.Millisecond}, nil)
	c.open("api/api.go")
	c.wait("api/api.go", "the findings", hasMessage(queryMsg))
	planFile := c.path("perfplan.yaml")
	planURI := "file://" + planFile
	watched := func(typ int) {
		c.notify("workspace/didChangeWatchedFiles", map[string]any{"changes": []any{map[string]any{"uri": planURI, "type": typ}}})
	}

	// A stricter plan: the 20s client becomes a finding (in a file that
	// is not open: diagnostics cover the workspace).
	if err := os.WriteFile(planFile, []byte("limits:\n  request_timeout: 10s\n  query_timeout: 5s\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	watched(1)
	c.wait("api/client.go", "the plan's finding", hasMessage(planMsg))

	// A malformed plan: a diagnostic at the unknown key; nothing is
	// analysed under it.
	if err := os.WriteFile(planFile, []byte("limits:\n  reqest_timeout: 10s\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	watched(2)
	p := c.wait("perfplan.yaml", "the plan error", hasMessage("unknown key"))
	d := p.Diagnostics[0]
	if d.Range.Start != (protocol.Position{Line: 1, Character: 2}) || d.Range.End != (protocol.Position{Line: 1, Character: 16}) {
		t.Errorf("plan error at %+v, want 2:3-2:17 (reqest_timeout)", d.Range)
	}
	if !strings.Contains(d.Message, `did you mean "request_timeout"`) {
		t.Errorf("plan error: %s", d.Message)
	}
	c.wait("api/api.go", "the findings to go", not(hasMessage(queryMsg)))

	// Editing the plan in the editor validates it as it is typed...
	c.open("perfplan.yaml")
	c.edit("perfplan.yaml", "limits:\n  request_timeout: 10s\n")
	c.wait("perfplan.yaml", "the plan error to go", func(p protocol.PublishDiagnosticsParams) bool { return len(p.Diagnostics) == 0 })
	// ...and saving it reloads it.
	if err := os.WriteFile(planFile, []byte("limits:\n  request_timeout: 10s\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	c.save("perfplan.yaml")
	c.wait("api/api.go", "the findings to come back", hasMessage(queryMsg))
	c.wait("api/client.go", "the plan's finding", hasMessage(planMsg))

	// Removing the plan: the default applies again.
	os.Remove(planFile)
	c.notify("textDocument/didClose", map[string]any{"textDocument": map[string]any{"uri": planURI}})
	watched(3)
	c.wait("api/client.go", "the plan's finding to go", not(hasMessage(planMsg)))
}

// Related information and multi-edit fixes are converted: a fake analyzer
// reports every fmt.Fprintln with the enclosing function as related
// information, and a fix to Fprint.
func TestRelatedInformation(t *testing.T) {
	restore := lsp.SetSuite(func(analyzers.Config) []*analysis.Analyzer { return []*analysis.Analyzer{fake} })
	defer restore()
	dir := fixture(t)
	c := startServer(t, dir, lsp.Options{Debounce: 20 * time.Millisecond}, nil)
	text := c.open("api/api.go")
	p := c.wait("api/api.go", "the fake findings", hasMessage("Fprintln"))
	c.mu.Lock()
	raw := c.raw[c.path("api/api.go")]
	c.mu.Unlock()
	var params struct {
		Diagnostics []struct {
			Code               string                `json:"code"`
			Source             string                `json:"source"`
			CodeDescription    struct{ Href string } `json:"codeDescription"`
			RelatedInformation []protocol.DiagnosticRelatedInformation
		}
	}
	if err := json.Unmarshal([]byte(raw), &params); err != nil {
		t.Fatal(err)
	}
	if len(params.Diagnostics) != 4 {
		t.Fatalf("%d diagnostics, want 4: %s", len(params.Diagnostics), raw)
	}
	d0 := params.Diagnostics[0]
	if d0.Code != "fake" || d0.Source != "fake" || d0.CodeDescription.Href != "https://example.com/fake" {
		t.Errorf("diagnostic: %+v", d0)
	}
	if len(d0.RelatedInformation) != 1 || d0.RelatedInformation[0].Message != "in users" ||
		d0.RelatedInformation[0].Location.Range.Start != (protocol.Position{Line: 19, Character: 14}) ||
		d0.RelatedInformation[0].Location.URI != "file://"+c.path("api/api.go") {
		t.Errorf("related information: %+v", d0.RelatedInformation)
	}
	actions := c.codeActions("api/api.go", p.Diagnostics[0].Range)
	if len(actions) != 1 {
		t.Fatalf("actions: %+v", actions)
	}
	fixed := applyEdits(t, text, actions[0].Edit.Changes["file://"+c.path("api/api.go")])
	if !strings.Contains(fixed, "\t\tfmt.Fprint(w, id) // fixed\n") {
		t.Errorf("fixed:\n%s", fixed)
	}
}

var fake = &analysis.Analyzer{
	Name:     "fake",
	Doc:      "reports fmt.Fprintln",
	URL:      "https://example.com/fake",
	Requires: []*analysis.Analyzer{inspect.Analyzer},
	Run: func(pass *analysis.Pass) (any, error) {
		ins := pass.ResultOf[inspect.Analyzer].(*inspector.Inspector)
		for cur := range ins.Root().Preorder((*ast.CallExpr)(nil)) {
			call := cur.Node().(*ast.CallExpr)
			sel, ok := call.Fun.(*ast.SelectorExpr)
			if !ok || sel.Sel.Name != "Fprintln" {
				continue
			}
			var fn *ast.FuncDecl
			for e := range cur.Enclosing((*ast.FuncDecl)(nil)) {
				fn = e.Node().(*ast.FuncDecl)
			}
			d := analysis.Diagnostic{Pos: call.Pos(), End: call.End(), Message: "Fprintln call"}
			if fn != nil {
				d.Related = []analysis.RelatedInformation{{Pos: fn.Name.Pos(), End: fn.Name.End(), Message: fmt.Sprintf("in %s", fn.Name.Name)}}
			}
			d.SuggestedFixes = []analysis.SuggestedFix{{Message: "Use Fprint", TextEdits: []analysis.TextEdit{
				{Pos: sel.Sel.Pos(), End: sel.Sel.End(), NewText: []byte("Fprint")},
				{Pos: call.End(), End: call.End(), NewText: []byte(" // fixed")},
			}}}
			pass.Report(d)
		}
		return nil, nil
	},
}
