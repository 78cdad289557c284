package lint

import (
	"fmt"
	"strings"

	sclint "honnef.co/go/tools/analysis/lint"
)

// Documentation is an analyzer's structured documentation, in the shape of
// staticcheck's analysis/lint.Documentation (title, text, before and after,
// options), with what perfvet's outputs also need: the categories of its
// findings, its known limits, and the summary the README's analyzer table
// shows. The registry (analyzers/suite.go) holds one per analyzer; `perfvet
// help`, the SARIF rules and the README table are derived from it. The
// analyzer's doc.go remains the full reference (Analyzer.Doc, go doc).
type Documentation struct {
	// Title is what the analyzer reports: one lowercase line, no period,
	// the first line of its doc.go section after "NAME: ".
	Title string
	// Text is why it costs: a paragraph of plain text.
	Text string
	// Before and After are a short example of a finding and its fix.
	Before, After string
	// Reports is what it reports, in Markdown on one line: the README's
	// analyzer table shows it.
	Reports string
	// Options are the plan keys it reads; its flags are documented by the
	// analyzer's Flags.
	Options []string
	// Categories are the categories of its findings, each a rule of the
	// SARIF output.
	Categories []Category
	// Limits is what it does not see, in plain text.
	Limits string
}

// A Category is a category of an analyzer's findings (analysis.Diagnostic's
// Category), documented.
type Category struct {
	Name string
	// Text is what a finding of the category is, one lowercase phrase.
	Text string
}

// CategoryNames returns the names of the categories, in order.
func (d *Documentation) CategoryNames() []string {
	names := make([]string, len(d.Categories))
	for i, c := range d.Categories {
		names[i] = c.Name
	}
	return names
}

// UnusedDirective is the category under which every analyzer reports a
// well-formed //perfvet:ignore directive naming it that suppresses none of
// its findings (Wrap reports it, whatever the analyzer's own categories).
var UnusedDirective = Category{Name: directiveCategory, Text: "a //perfvet:ignore directive naming the analyzer that suppresses none of its findings"}

// Category returns the documentation of the named category: one of the
// analyzer's, or UnusedDirective.
func (d *Documentation) Category(name string) (Category, bool) {
	for _, c := range d.Categories {
		if c.Name == name {
			return c, true
		}
	}
	if name == UnusedDirective.Name {
		return UnusedDirective, true
	}
	return Category{}, false
}

// Format returns the documentation as plain text (perfvet help NAME):
// staticcheck's layout for the title, text and example, then what the
// analyzer reports, its categories, the plan keys it reads and its limits.
func (d *Documentation) Format() string {
	return d.format(false)
}

// FormatMarkdown returns the documentation as Markdown (the SARIF rules'
// help).
func (d *Documentation) FormatMarkdown() string {
	return d.format(true)
}

func (d *Documentation) format(markdown bool) string {
	raw := sclint.RawDocumentation{Title: d.Title, Text: d.Text, Before: d.Before, After: d.After}
	compiled := raw.Compile()
	var b strings.Builder
	if markdown {
		b.WriteString(compiled.FormatMarkdown(false))
	} else {
		b.WriteString(compiled.Format(false))
	}
	// section writes a titled section: prose (reflowed in plain text) or
	// a list, one item a line.
	section := func(title, body string, list bool) {
		switch {
		case body == "":
		case markdown:
			fmt.Fprintf(&b, "**%s**\n\n%s\n\n", title, body)
		case list:
			fmt.Fprintf(&b, "%s\n%s\n\n", title, indent(strings.Split(body, "\n")))
		default:
			fmt.Fprintf(&b, "%s\n%s\n\n", title, indent(wrap(body, 76)))
		}
	}
	reports := d.Reports
	if !markdown {
		reports = strings.ReplaceAll(reports, "`", "")
	}
	section("Reports", reports, false)
	cats := make([]string, 0, len(d.Categories))
	for _, c := range d.Categories {
		if markdown {
			cats = append(cats, fmt.Sprintf("- `%s`: %s", c.Name, c.Text))
		} else {
			cats = append(cats, fmt.Sprintf("%s: %s", c.Name, c.Text))
		}
	}
	section("Categories", strings.Join(cats, "\n"), true)
	opts := make([]string, 0, len(d.Options))
	for _, o := range d.Options {
		if markdown {
			opts = append(opts, "- `"+o+"`")
		} else {
			opts = append(opts, o)
		}
	}
	section("Plan keys", strings.Join(opts, "\n"), true)
	section("Limits", d.Limits, false)
	return strings.TrimRight(b.String(), "\n") + "\n"
}

// indent indents lines by four spaces, as staticcheck indents its
// examples.
func indent(lines []string) string {
	return "    " + strings.Join(lines, "\n    ")
}

// wrap reflows s into lines of at most width bytes, breaking at spaces (a
// longer word keeps its own line).
func wrap(s string, width int) []string {
	words := strings.Fields(s)
	if len(words) == 0 {
		return []string{""}
	}
	var lines []string
	line := words[0]
	for _, w := range words[1:] {
		if len(line)+1+len(w) > width {
			lines = append(lines, line)
			line = w
			continue
		}
		line += " " + w
	}
	return append(lines, line)
}
