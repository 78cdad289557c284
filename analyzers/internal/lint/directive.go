package lint

import (
	"fmt"
	"go/ast"
	"go/token"
	"slices"
	"strings"

	"golang.org/x/tools/go/analysis"
)

const directivePrefix = "//perfvet:ignore"

// A directive is one //perfvet:ignore comment.
type directive struct {
	pos       token.Pos
	end       token.Pos
	file      string
	line      int
	analyzers []string
	reason    string
	used      map[string]bool
}

type directives []*directive

// parseDirectives collects the directives of the package's files, skipping
// generated files (nothing is reported there, so nothing is suppressed).
func parseDirectives(pass *analysis.Pass, generated map[*ast.File]bool) directives {
	var ds directives
	for _, f := range pass.Files {
		if generated[f] {
			continue
		}
		for _, cg := range f.Comments {
			for _, c := range cg.List {
				d := parseDirective(c.Text)
				if d == nil {
					continue
				}
				posn := pass.Fset.Position(c.Slash)
				d.pos, d.end, d.file, d.line = c.Slash, c.End(), posn.Filename, posn.Line
				ds = append(ds, d)
			}
		}
	}
	return ds
}

// parseDirective parses "//perfvet:ignore a,b reason..." and returns nil
// for any other comment.
func parseDirective(text string) *directive {
	rest, ok := strings.CutPrefix(text, directivePrefix)
	if !ok || (rest != "" && rest[0] != ' ' && rest[0] != '\t') {
		return nil
	}
	fields := strings.Fields(rest)
	d := &directive{used: make(map[string]bool)}
	if len(fields) == 0 {
		return d
	}
	for _, name := range strings.Split(fields[0], ",") {
		if name = strings.TrimSpace(name); name != "" {
			d.analyzers = append(d.analyzers, name)
		}
	}
	d.reason = strings.Join(fields[1:], " ")
	return d
}

// suppress reports whether a well-formed directive naming the analyzer sits
// on the finding's line or on the line above it, and marks it used.
func (ds directives) suppress(fset *token.FileSet, name string, diag analysis.Diagnostic) bool {
	if len(ds) == 0 {
		return false
	}
	posn := fset.Position(diag.Pos)
	for _, d := range ds {
		if d.file != posn.Filename || (d.line != posn.Line && d.line != posn.Line-1) {
			continue
		}
		if d.reason == "" || !slices.Contains(d.analyzers, name) {
			continue
		}
		d.used[name] = true
		return true
	}
	return false
}

// problems returns the findings about the directives themselves that the
// analyzer called name owns: the unused directives that name it, and the
// malformed ones whose first perfvet analyzer it is (so that a directive
// naming several analyzers is reported once).
func (ds directives) problems(name string) []analysis.Diagnostic {
	var out []analysis.Diagnostic
	for _, d := range ds {
		owner := d.owner()
		switch {
		case len(d.analyzers) == 0:
			if owner == name {
				out = append(out, d.diag("malformed perfvet:ignore directive: name the analyzers it silences and give a reason, as in //perfvet:ignore timeouts streaming endpoint"))
			}
		case d.reason == "":
			if owner == name {
				out = append(out, d.diag(fmt.Sprintf("perfvet:ignore directive has no reason; write why the finding does not apply, as in //perfvet:ignore %s <reason>", strings.Join(d.analyzers, ","))))
			}
		default:
			if owner == name {
				for _, a := range d.analyzers {
					if !slices.Contains(Analyzers, a) {
						out = append(out, d.diag(fmt.Sprintf("perfvet:ignore names unknown analyzer %q; perfvet's analyzers are %s", a, strings.Join(Analyzers, ", "))))
					}
				}
			}
			if slices.Contains(d.analyzers, name) && !d.used[name] {
				out = append(out, d.diag(fmt.Sprintf("perfvet:ignore directive suppresses no %s finding on this line or the next; remove it", name)))
			}
		}
	}
	return out
}

// owner is the analyzer that reports problems of the directive: the first
// perfvet analyzer it names, or the first of the suite if it names none.
func (d *directive) owner() string {
	for _, a := range d.analyzers {
		if slices.Contains(Analyzers, a) {
			return a
		}
	}
	return Analyzers[0]
}

func (d *directive) diag(msg string) analysis.Diagnostic {
	return analysis.Diagnostic{Pos: d.pos, End: d.end, Category: "directive", Message: msg}
}
