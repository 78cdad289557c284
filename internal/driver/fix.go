package driver

import (
	"bytes"
	"fmt"
	"go/ast"
	"go/format"
	"go/parser"
	"go/token"
	"os"
	"slices"
	"strconv"
	"strings"

	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/ast/astutil"
	"golang.org/x/tools/go/packages"
)

// A FixReport says what ApplyFixes did.
type FixReport struct {
	Applied  int      // fixes applied
	Files    []string // files written
	Skipped  int      // fixes that overlapped an applied one
	Unfixed  []Finding
	Problems []error // files that could not be fixed
}

type edit struct {
	start, end int
	text       []byte
}

// ApplyFixes applies the first suggested fix of each finding, file by file.
// A fix whose edits overlap an edit already taken is skipped (run perfvet
// -fix again to apply it); an edit identical to one already taken (the
// same import, the same body limit for two reads of one handler) is
// shared, not an overlap. Imports that the edits leave unused are removed
// and each file is gofmt-ed. Findings without a fix are returned unfixed.
func (r *Result) ApplyFixes() FixReport {
	var rep FixReport
	byFile := make(map[string][]edit)
	var order []string
	for _, f := range r.Findings {
		if len(f.Diag.SuggestedFixes) == 0 {
			rep.Unfixed = append(rep.Unfixed, f)
			continue
		}
		fix := f.Diag.SuggestedFixes[0]
		file, edits, ok := r.fixEdits(fix)
		if !ok {
			rep.Unfixed = append(rep.Unfixed, f)
			continue
		}
		edits = withoutTaken(byFile[file], edits)
		if overlapsAny(byFile[file], edits) {
			rep.Skipped++
			rep.Unfixed = append(rep.Unfixed, f)
			continue
		}
		if _, seen := byFile[file]; !seen {
			order = append(order, file)
		}
		byFile[file] = append(byFile[file], edits...)
		rep.Applied++
	}
	for _, file := range order {
		if err := r.rewrite(file, byFile[file]); err != nil {
			rep.Problems = append(rep.Problems, err)
			continue
		}
		rep.Files = append(rep.Files, file)
	}
	return rep
}

// fixEdits converts a fix's edits into byte offsets in one file.
func (r *Result) fixEdits(fix analysis.SuggestedFix) (string, []edit, bool) {
	var file string
	var edits []edit
	for _, te := range fix.TextEdits {
		start := r.Fset.Position(te.Pos)
		end := start
		if te.End.IsValid() {
			end = r.Fset.Position(te.End)
		}
		if !start.IsValid() || (file != "" && start.Filename != file) || end.Offset < start.Offset {
			return "", nil, false // malformed, or spans files: not applied
		}
		file = start.Filename
		edits = append(edits, edit{start.Offset, end.Offset, te.NewText})
	}
	return file, edits, file != ""
}

// withoutTaken drops the edits identical to one already taken.
func withoutTaken(taken, edits []edit) []edit {
	return slices.DeleteFunc(edits, func(e edit) bool {
		return slices.ContainsFunc(taken, func(t edit) bool {
			return t.start == e.start && t.end == e.end && bytes.Equal(t.text, e.text)
		})
	})
}

func overlapsAny(taken, edits []edit) bool {
	for _, e := range edits {
		for _, t := range taken {
			if e.start < t.end && t.start < e.end || e.start == t.start && e.end == t.end {
				return true
			}
		}
	}
	return false
}

func (r *Result) rewrite(file string, edits []edit) error {
	src, err := os.ReadFile(file)
	if err != nil {
		return err
	}
	slices.SortStableFunc(edits, func(a, b edit) int { return a.start - b.start })
	var out bytes.Buffer
	last := 0
	for _, e := range edits {
		if e.start < last || e.end > len(src) {
			return fmt.Errorf("%s: overlapping or out-of-range edits; file left unchanged", file)
		}
		out.Write(src[last:e.start])
		out.Write(e.text)
		last = e.end
	}
	out.Write(src[last:])
	fixed, err := r.tidy(file, out.Bytes())
	if err != nil {
		return fmt.Errorf("%s: the fixed file does not parse (%w); file left unchanged", file, err)
	}
	st, err := os.Stat(file)
	if err != nil {
		return err
	}
	return os.WriteFile(file, fixed, st.Mode().Perm())
}

// tidy removes the imports a fix left unused and formats the file.
func (r *Result) tidy(file string, src []byte) ([]byte, error) {
	fset := token.NewFileSet()
	f, err := parser.ParseFile(fset, file, src, parser.ParseComments)
	if err != nil {
		return nil, err
	}
	names := r.importNames(file)
	used := usedQualifiers(f)
	// Deleting an import edits f.Imports: iterate over a copy.
	for _, spec := range slices.Clone(f.Imports) {
		path, err := strconv.Unquote(spec.Path.Value)
		if err != nil {
			continue
		}
		name := names[path]
		if spec.Name != nil {
			name = spec.Name.Name
		}
		if name == "" || name == "_" || name == "." || used[name] {
			continue
		}
		if spec.Name != nil {
			astutil.DeleteNamedImport(fset, f, spec.Name.Name, path)
		} else {
			astutil.DeleteImport(fset, f, path)
		}
	}
	var buf bytes.Buffer
	if err := format.Node(&buf, fset, f); err != nil {
		return nil, err
	}
	return buf.Bytes(), nil
}

// importNames maps the import paths of the package holding file to their
// package names, from the loaded type information.
func (r *Result) importNames(file string) map[string]string {
	names := make(map[string]string)
	packages.Visit(r.Packages, nil, func(p *packages.Package) {
		if !slices.Contains(p.CompiledGoFiles, file) && !slices.Contains(p.GoFiles, file) {
			return
		}
		for path, imp := range p.Imports {
			names[path] = imp.Name
		}
	})
	return names
}

// usedQualifiers returns the identifiers used as package qualifiers (the X
// of X.Sel) in f.
func usedQualifiers(f *ast.File) map[string]bool {
	used := make(map[string]bool)
	ast.Inspect(f, func(n ast.Node) bool {
		if sel, ok := n.(*ast.SelectorExpr); ok {
			if id, ok := sel.X.(*ast.Ident); ok {
				used[id.Name] = true
			}
		}
		return true
	})
	return used
}

// String summarises the report.
func (rep FixReport) String() string {
	var b strings.Builder
	fmt.Fprintf(&b, "perfvet: applied %d fix(es) in %d file(s)", rep.Applied, len(rep.Files))
	if rep.Skipped > 0 {
		fmt.Fprintf(&b, "; %d overlapping fix(es) skipped, run perfvet -fix again", rep.Skipped)
	}
	return b.String()
}
