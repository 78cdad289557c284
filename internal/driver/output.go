package driver

import (
	"cmp"
	"encoding/json"
	"fmt"
	"go/token"
	"io"
	"path/filepath"
	"strings"

	"golang.org/x/tools/go/analysis"
)

// Exit codes of the perfvet command.
const (
	ExitClean    = 0 // no findings
	ExitFindings = 1 // findings were reported
	ExitUsage    = 2 // bad flags, arguments or plan: nothing was analysed
	ExitFailed   = 3 // packages failed to load or type-check, or an analyzer failed: results are incomplete
)

// ExitCode returns the exit code of a run: errors win over findings,
// because a run with errors may have missed findings.
func (r *Result) ExitCode() int {
	switch {
	case len(r.Errors) > 0:
		return ExitFailed
	case len(r.Findings) > 0:
		return ExitFindings
	}
	return ExitClean
}

// Relativize returns filename relative to dir when it is inside it.
func Relativize(dir, filename string) string {
	if dir == "" {
		return filename
	}
	rel, err := filepath.Rel(dir, filename)
	if err != nil || strings.HasPrefix(rel, "..") {
		return filename
	}
	return rel
}

func position(fset *token.FileSet, dir string, pos token.Pos) string {
	p := fset.Position(pos)
	if !p.IsValid() {
		return "-"
	}
	p.Filename = Relativize(dir, p.Filename)
	return p.String()
}

// WriteText prints findings as "file:line:col: message (analyzer)", with
// related positions indented below, paths relative to dir.
func (r *Result) WriteText(w io.Writer, dir string) {
	for _, f := range r.Findings {
		fmt.Fprintf(w, "%s: %s (%s)\n", position(r.Fset, dir, f.Diag.Pos), f.Diag.Message, f.Analyzer)
		for _, rel := range f.Diag.Related {
			fmt.Fprintf(w, "\t%s: %s\n", position(r.Fset, dir, rel.Pos), rel.Message)
		}
	}
}

// WriteErrors prints load, type and analysis errors.
func (r *Result) WriteErrors(w io.Writer, dir string) {
	for _, e := range r.Errors {
		if e.Pos != "" {
			if abs, rest, ok := strings.Cut(e.Pos, ":"); ok && filepath.IsAbs(abs) {
				e.Pos = Relativize(dir, abs) + ":" + rest
			}
		}
		fmt.Fprintf(w, "%s\n", e.Error())
	}
	if len(r.Incomplete) > 0 {
		fmt.Fprintf(w, "perfvet: %d package(s) have errors; only the checks that need no flow analysis ran on them, and results are incomplete: %s\n",
			len(r.Incomplete), strings.Join(r.Incomplete, ", "))
	}
}

// The JSON shape is the one go/analysis drivers (multichecker -json,
// go vet -json) print: {"pkg": {"analyzer": [diagnostic...] or {"error": "..."}}}.
type (
	jsonTree map[string]map[string]any

	jsonDiagnostic struct {
		Category       string        `json:"category,omitempty"`
		Posn           string        `json:"posn"`
		End            string        `json:"end"`
		Message        string        `json:"message"`
		SuggestedFixes []jsonFix     `json:"suggested_fixes,omitempty"`
		Related        []jsonRelated `json:"related,omitempty"`
	}
	jsonFix struct {
		Message string     `json:"message"`
		Edits   []jsonEdit `json:"edits"`
	}
	jsonEdit struct {
		Filename string `json:"filename"`
		Start    int    `json:"start"`
		End      int    `json:"end"`
		New      string `json:"new"`
	}
	jsonRelated struct {
		Posn    string `json:"posn"`
		End     string `json:"end"`
		Message string `json:"message"`
	}
	jsonError struct {
		Err string `json:"error"`
	}
)

// WriteJSON prints the result in the go/analysis JSON shape. Load and type
// errors appear under the pseudo-analyzer "typecheck".
func (r *Result) WriteJSON(w io.Writer) error {
	tree := make(jsonTree)
	add := func(pkg, name string, v any) {
		m, ok := tree[pkg]
		if !ok {
			m = make(map[string]any)
			tree[pkg] = m
		}
		if list, ok := v.(jsonDiagnostic); ok {
			prev, _ := m[name].([]jsonDiagnostic)
			m[name] = append(prev, list)
			return
		}
		m[name] = v
	}
	for _, f := range r.Findings {
		add(f.Package, f.Analyzer, r.jsonDiag(f.Diag))
	}
	for _, e := range r.Errors {
		name := cmp.Or(e.Analyzer, "typecheck")
		msg := e.Msg
		if e.Pos != "" {
			msg = e.Pos + ": " + msg
		}
		if prev, ok := tree[e.Package][name].(jsonError); ok {
			msg = prev.Err + "\n" + msg
		}
		add(e.Package, name, jsonError{msg})
	}
	data, err := json.MarshalIndent(tree, "", "\t")
	if err != nil {
		return err
	}
	_, err = fmt.Fprintf(w, "%s\n", data)
	return err
}

func (r *Result) jsonDiag(d analysis.Diagnostic) jsonDiagnostic {
	pos := func(p token.Pos) string { return r.Fset.Position(p).String() }
	jd := jsonDiagnostic{
		Category: d.Category,
		Posn:     pos(d.Pos),
		End:      pos(cmp.Or(d.End, d.Pos)),
		Message:  d.Message,
	}
	for _, fix := range d.SuggestedFixes {
		jf := jsonFix{Message: fix.Message}
		for _, e := range fix.TextEdits {
			jf.Edits = append(jf.Edits, jsonEdit{
				Filename: r.Fset.Position(e.Pos).Filename,
				Start:    r.Fset.Position(e.Pos).Offset,
				End:      r.Fset.Position(cmp.Or(e.End, e.Pos)).Offset,
				New:      string(e.NewText),
			})
		}
		jd.SuggestedFixes = append(jd.SuggestedFixes, jf)
	}
	for _, rel := range d.Related {
		jd.Related = append(jd.Related, jsonRelated{Posn: pos(rel.Pos), End: pos(cmp.Or(rel.End, rel.Pos)), Message: rel.Message})
	}
	return jd
}
