package lint

import (
	"fmt"
	"go/ast"
	"go/token"
	"slices"
	"strings"

	"golang.org/x/tools/go/analysis"

	"github.com/perfvet/perfvet/analyzers/plan"
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

// problems returns the findings about directives that the analyzer
// called name owns: the well-formed directives that name it and suppressed
// none of its findings. What is wrong with a directive itself (no
// analyzer, no reason, an unknown analyzer) is the directive analyzer's
// (malformed), reported under its own name whichever analyzers run.
func (ds directives) problems(name string) []analysis.Diagnostic {
	var out []analysis.Diagnostic
	for _, d := range ds {
		if len(d.analyzers) > 0 && d.reason != "" && slices.Contains(d.analyzers, name) && !d.used[name] {
			out = append(out, d.diag(fmt.Sprintf("perfvet:ignore directive suppresses no %s finding on this line or the next; remove it", name)))
		}
	}
	return out
}

// malformed returns the findings about the directives themselves: one
// that names no analyzer, one with no reason (it suppresses nothing), and
// each analyzer one names that is not among known (a typo suppresses
// nothing either).
func (ds directives) malformed(known []string) []analysis.Diagnostic {
	var out []analysis.Diagnostic
	for _, d := range ds {
		switch {
		case len(d.analyzers) == 0:
			out = append(out, d.diag("malformed perfvet:ignore directive: name the analyzers it silences and give a reason, as in //perfvet:ignore timeouts streaming endpoint"))
			continue
		case d.reason == "":
			out = append(out, d.diag(fmt.Sprintf("perfvet:ignore directive has no reason, so it suppresses nothing; write why the finding does not apply, as in //perfvet:ignore %s <reason>", strings.Join(d.analyzers, ","))))
		}
		for _, a := range d.analyzers {
			if !slices.Contains(known, a) {
				msg := fmt.Sprintf("perfvet:ignore names unknown analyzer %q, so it suppresses nothing for it; perfvet's analyzers are %s", a, strings.Join(known, ", "))
				if s := closestName(a, known); s != "" {
					msg = fmt.Sprintf("perfvet:ignore names unknown analyzer %q, so it suppresses nothing for it; did you mean %q?", a, s)
				}
				out = append(out, d.diag(msg))
			}
		}
	}
	return out
}

// DirectiveAnalyzerName is the name of the analyzer that reports malformed
// directives: the suite's own name, since a directive belongs to no one
// analyzer.
const DirectiveAnalyzerName = "perfvet"

const directiveDoc = `perfvet: report malformed //perfvet:ignore directives

A //perfvet:ignore directive names the analyzers it silences and gives a
reason: //perfvet:ignore timeouts,nplusone <reason>. A directive with no
analyzer, with no reason, or naming an analyzer that does not exist
("timeout" for timeouts) suppresses nothing, and is reported here, under
the name perfvet, whichever analyzers run: a typo is never silent. A
well-formed directive that suppresses nothing is reported by the analyzer
it names, which alone knows.

# Findings

Category directive.`

// DirectiveDocumentation is the directive analyzer's entry in the registry.
var DirectiveDocumentation = Documentation{
	Title: "report malformed //perfvet:ignore directives",
	Text: `A //perfvet:ignore directive names the analyzers it silences and gives a
reason. A directive with no analyzer, with no reason, or naming an analyzer
that does not exist suppresses nothing: a typo would silently leave the
finding it meant to silence, or hide nothing while looking as if it did.`,
	Before:  "//perfvet:ignore timeout streaming endpoint",
	After:   "//perfvet:ignore timeouts streaming endpoint",
	Reports: "the `//perfvet:ignore` directives themselves: no reason, no analyzer, an unknown analyzer (with a did-you-mean); on whichever analyzers are selected (`-perfvet=false` turns it off)",
	Categories: []Category{
		{directiveCategory, "a directive with no analyzer, no reason, or an unknown analyzer"},
	},
	Limits: `A well-formed directive that suppresses nothing is reported by the
analyzer it names, which alone knows.`,
}

// NewDirectives returns the analyzer that reports malformed directives:
// those naming no analyzer, giving no reason, or naming one that is not
// among known (the registry's analyzer names, in the order a finding lists
// them). Like every perfvet analyzer it reports nothing in generated
// files, in packages the plan ignores and, unless its -tests flag is set,
// in test code.
func NewDirectives(opts Options, known []string) *analysis.Analyzer {
	o := opts
	known = slices.Clone(known)
	a := &analysis.Analyzer{
		Name:             DirectiveAnalyzerName,
		Doc:              directiveDoc,
		RunDespiteErrors: true,
	}
	a.Run = Wrap(a.Name, &o, func(p *Pass) (any, error) {
		for _, d := range parseDirectives(p.Pass, p.Generated).malformed(known) {
			p.Report(d)
		}
		return nil, nil
	})
	o.BindFlags(&a.Flags)
	return a
}

// closestName returns the name within two edits of s, if one is.
func closestName(s string, names []string) string {
	best, bestDist := "", 3
	for _, n := range names {
		if d := plan.EditDistance(s, n); d < bestDist {
			best, bestDist = n, d
		}
	}
	return best
}

// directiveCategory is the category of every finding about a directive.
const directiveCategory = "directive"

func (d *directive) diag(msg string) analysis.Diagnostic {
	return analysis.Diagnostic{Pos: d.pos, End: d.end, Category: directiveCategory, Message: msg}
}
