package main

import (
	"bytes"
	"os"
	"runtime/debug"
	"strings"

	"golang.org/x/tools/go/analysis"

	"github.com/perfvet/perfvet/analyzers"
	"github.com/perfvet/perfvet/internal/driver"
)

// writeSARIF writes the SARIF log of a run to file ("-" for stdout), with
// URIs relative to the root of the repository holding dir.
func writeSARIF(file string, res *driver.Result, dir string, suite []*analysis.Analyzer) error {
	var buf bytes.Buffer
	err := res.WriteSARIF(&buf, driver.RepoRoot(dir), driver.SARIFTool{
		Name:           "perfvet",
		Version:        toolVersion(),
		InformationURI: "https://github.com/perfvet/perfvet",
		Rules:          sarifRules(suite),
	})
	if err != nil {
		return err
	}
	if file == "-" {
		_, err = os.Stdout.Write(buf.Bytes())
		return err
	}
	return os.WriteFile(file, buf.Bytes(), 0o644)
}

// sarifRules documents the SARIF rules from the registry: the analyzer's
// title and the category's description, why the findings cost, the
// analyzer's documentation as help, and its reference (the URL of the
// instance in suite) as the help URI.
func sarifRules(suite []*analysis.Analyzer) func(analyzer, category string) (driver.RuleDoc, bool) {
	urls := make(map[string]string)
	for _, a := range suite {
		urls[a.Name] = a.URL
	}
	return func(analyzer, category string) (driver.RuleDoc, bool) {
		e, ok := analyzers.Lookup(analyzer)
		if !ok {
			return driver.RuleDoc{}, false
		}
		doc := driver.RuleDoc{
			Short:        e.Doc.Title,
			Full:         strings.Join(strings.Fields(e.Doc.Text), " "),
			Help:         e.Doc.Format(),
			HelpMarkdown: e.Doc.FormatMarkdown(),
			URI:          urls[analyzer],
		}
		if category != "" {
			doc.Short += " (" + category + ")"
		}
		if c, ok := e.Doc.Category(category); ok {
			doc.Full = strings.ToUpper(c.Text[:1]) + c.Text[1:] + ". " + doc.Full
		}
		return doc, true
	}
}

// toolVersion is the module version perfvet was built from, or "(devel)".
func toolVersion() string {
	if bi, ok := debug.ReadBuildInfo(); ok && bi.Main.Version != "" {
		return bi.Main.Version
	}
	return "(devel)"
}
