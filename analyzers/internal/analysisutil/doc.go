// Package analysisutil holds small helpers shared by perfvet's analyzers:
// documentation extraction, callee resolution by type, import fast paths.
package analysisutil

import (
	"fmt"
	"go/ast"
	"go/parser"
	"go/token"
	"strings"
)

// ExtractDoc returns the "# Analyzer NAME" section of the package comment
// in an analyzer's doc.go, without the heading and without the "NAME: "
// prefix of its first line, in the form analysis.Analyzer.Doc expects
// (a one-line title, a blank line, then the description).
func ExtractDoc(content, name string) (string, error) {
	fset := token.NewFileSet()
	f, err := parser.ParseFile(fset, "doc.go", content, parser.ParseComments|parser.PackageClauseOnly)
	if err != nil {
		return "", fmt.Errorf("parsing doc.go: %w", err)
	}
	if f.Doc == nil {
		return "", fmt.Errorf("doc.go has no package comment")
	}
	text := f.Doc.Text()
	heading := "# Analyzer " + name
	_, section, found := strings.Cut(text, "\n"+heading+"\n")
	if !found && strings.HasPrefix(text, heading+"\n") {
		section, found = text[len(heading)+1:], true
	}
	if !found {
		return "", fmt.Errorf("doc.go has no %q heading", heading)
	}
	if i := strings.Index(section, "\n# "); i >= 0 {
		section = section[:i]
	}
	section = strings.TrimSpace(section)
	rest, ok := strings.CutPrefix(section, name+":")
	if !ok {
		return "", fmt.Errorf("the %q section must start with %q", heading, name+":")
	}
	return strings.TrimSpace(rest), nil
}

// MustExtractDoc is ExtractDoc for package initialisation, where doc.go is
// fixed at build time and a test covers every analyzer; a malformed doc.go
// yields a Doc that says so instead of a crash.
func MustExtractDoc(content, name string) string {
	doc, err := ExtractDoc(content, name)
	if err != nil {
		return name + ": documentation unavailable (" + err.Error() + ")"
	}
	return doc
}

// IsGenerated reports whether f is generated code (ast.IsGenerated), in
// which perfvet computes facts but reports nothing.
func IsGenerated(f *ast.File) bool { return ast.IsGenerated(f) }
