package lsp

import (
	"encoding/json"
	"slices"
	"testing"
	"time"

	protocol "github.com/tliron/glsp/protocol_3_16"
	"golang.org/x/tools/go/analysis"

	"github.com/perfvet/perfvet/analyzers"
)

func TestInitOptions(t *testing.T) {
	for _, tc := range []struct {
		json string
		want Options
		err  bool
	}{
		{json: `null`, want: Options{}},
		{json: `{"plan": "/p/perfplan.yaml", "tags": "a,b", "tests": true}`, want: Options{Plan: "/p/perfplan.yaml", Tags: "a,b", Tests: true}},
		{json: `{"debounce": 300}`, want: Options{Debounce: 300 * time.Millisecond}},
		{json: `{"debounce": "1s"}`, want: Options{Debounce: time.Second}},
		{json: `{"debounce": 0}`, want: Options{Debounce: -1}},
		{json: `{"debounce": "soon"}`, err: true},
		{json: `{"analyzers": {"metrics": false}}`, want: Options{Analyzers: map[string]bool{"metrics": false}}},
		{json: `[1]`, err: true},
	} {
		var o Options
		err := o.apply(json.RawMessage(tc.json))
		if (err != nil) != tc.err {
			t.Errorf("%s: err = %v", tc.json, err)
			continue
		}
		if o.Plan != tc.want.Plan || o.Tags != tc.want.Tags || o.Tests != tc.want.Tests || o.Debounce != tc.want.Debounce || len(o.Analyzers) != len(tc.want.Analyzers) {
			t.Errorf("%s: got %+v, want %+v", tc.json, o, tc.want)
		}
	}
}

func TestSelectAnalyzers(t *testing.T) {
	names := func(as []*analysis.Analyzer) (out []string) {
		for _, a := range as {
			out = append(out, a.Name)
		}
		return out
	}
	suite := analyzers.Suite(analyzers.Config{})
	all := names(suite)
	if got := names(selectAnalyzers(suite, nil, false)); len(got) != len(all) {
		t.Errorf("no option: %v", got)
	}
	if got := names(selectAnalyzers(suite, map[string]bool{"timeouts": false}, false)); len(got) != len(all)-1 {
		t.Errorf("timeouts off: %v", got)
	}
	// Selecting analyzers keeps the directive analyzer (perfvet) unless it
	// is turned off by name.
	if got := names(selectAnalyzers(suite, map[string]bool{"timeouts": true}, false)); !slices.Equal(got, []string{analyzers.DirectiveAnalyzer, "timeouts"}) {
		t.Errorf("timeouts only: %v", got)
	}
	if got := names(selectAnalyzers(suite, map[string]bool{"timeouts": true, analyzers.DirectiveAnalyzer: false}, false)); !slices.Equal(got, []string{"timeouts"}) {
		t.Errorf("timeouts only, directives off: %v", got)
	}
}

// Positions are lines and UTF-16 code units.
func TestMapper(t *testing.T) {
	src := []byte("ab\n" + "é😀x\n" + "last")
	m := newMapper(src)
	for _, tc := range []struct {
		offset int
		want   protocol.Position
	}{
		{0, protocol.Position{Line: 0, Character: 0}},
		{2, protocol.Position{Line: 0, Character: 2}},
		{3, protocol.Position{Line: 1, Character: 0}},
		{5, protocol.Position{Line: 1, Character: 1}},  // after é (2 bytes, 1 unit)
		{9, protocol.Position{Line: 1, Character: 3}},  // after 😀 (4 bytes, 2 units)
		{10, protocol.Position{Line: 1, Character: 4}}, // after x
		{len(src), protocol.Position{Line: 2, Character: 4}},
		{len(src) + 5, protocol.Position{Line: 2, Character: 4}},
	} {
		if got := m.position(tc.offset); got != tc.want {
			t.Errorf("position(%d) = %+v, want %+v", tc.offset, got, tc.want)
		}
		if tc.offset <= len(src) {
			if back := m.offset(tc.want); back != tc.offset {
				t.Errorf("offset(%+v) = %d, want %d", tc.want, back, tc.offset)
			}
		}
	}
	if got := m.runeOffset(1, 2); got != 9 {
		t.Errorf("runeOffset(1, 2) = %d, want 9", got)
	}
}

func TestApplyChange(t *testing.T) {
	text := []byte("func f() {\n\treturn 😀\n}\n")
	rng := protocol.Range{Start: protocol.Position{Line: 1, Character: 8}, End: protocol.Position{Line: 1, Character: 10}}
	got := applyChange(text, protocol.TextDocumentContentChangeEvent{Range: &rng, Text: "1"})
	if string(got) != "func f() {\n\treturn 1\n}\n" {
		t.Errorf("got %q", got)
	}
}

func TestUnusedImports(t *testing.T) {
	for _, tc := range []struct{ name, before, after, want string }{{
		name:   "group",
		before: "package p\n\nimport (\n\t\"context\"\n\t\"net/http\"\n)\n\nfunc f(r *http.Request) { _ = context.Background() }\n",
		after:  "package p\n\nimport (\n\t\"context\"\n\t\"net/http\"\n)\n\nfunc f(r *http.Request) { _ = r.Context() }\n",
		want:   "package p\n\nimport (\n\t\"net/http\"\n)\n\nfunc f(r *http.Request) { _ = context.Background() }\n",
	}, {
		name:   "single",
		before: "package p\n\nimport \"context\"\n\nvar x = context.Background()\n",
		after:  "package p\n\nimport \"context\"\n\nvar x = 1\n",
		want:   "package p\n\n\nvar x = context.Background()\n",
	}, {
		name:   "still used",
		before: "package p\n\nimport \"context\"\n\nvar x, y = context.Background(), context.TODO()\n",
		after:  "package p\n\nimport \"context\"\n\nvar x, y = 1, context.TODO()\n",
		want:   "package p\n\nimport \"context\"\n\nvar x, y = context.Background(), context.TODO()\n",
	}, {
		name:   "renamed",
		before: "package p\n\nimport (\n\tstdctx \"context\"\n\t\"fmt\"\n)\n\nvar x = stdctx.Background()\nvar _ = fmt.Sprint\n",
		after:  "package p\n\nimport (\n\tstdctx \"context\"\n\t\"fmt\"\n)\n\nvar x = 1\nvar _ = fmt.Sprint\n",
		want:   "package p\n\nimport (\n\t\"fmt\"\n)\n\nvar x = stdctx.Background()\nvar _ = fmt.Sprint\n",
	}} {
		spans := unusedImports("p.go", []byte(tc.before), []byte(tc.after), map[string]string{"context": "context", "fmt": "fmt", "net/http": "http"})
		got := tc.before
		for i := len(spans) - 1; i >= 0; i-- {
			got = got[:spans[i][0]] + got[spans[i][1]:]
		}
		if got != tc.want {
			t.Errorf("%s: removing %v gives\n%s\nwant\n%s", tc.name, spans, got, tc.want)
		}
	}
}

func TestTokenEnd(t *testing.T) {
	m := newMapper([]byte("limits:\n  reqest_timeout: 10s\n  - {a: b}\n"))
	if got := tokenEnd(m, m.runeOffset(1, 2)); got != m.runeOffset(1, 16) {
		t.Errorf("tokenEnd at reqest_timeout = %d, want %d", got, m.runeOffset(1, 16))
	}
	if got := tokenEnd(m, m.runeOffset(2, 4)); got != m.runeOffset(2, 10) {
		t.Errorf("tokenEnd at a delimiter = %d, want the rest of the line %d", got, m.runeOffset(2, 10))
	}
}
