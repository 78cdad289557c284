package main

import (
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"strings"

	"golang.org/x/tools/go/analysis"

	"github.com/perfvet/perfvet/analyzers"
	"github.com/perfvet/perfvet/analyzers/plan"
	"github.com/perfvet/perfvet/internal/driver"
)

// A command is a subcommand of perfvet, as help lists and documents it.
// A new subcommand adds itself here (and to run's switch in main.go).
type command struct {
	name     string
	synopsis string // the usage line, after "perfvet "
	title    string // what it does, one line
	doc      string // the text of "perfvet help NAME"; "" = usage and title
}

var commands = []command{
	{"help", "help [command | analyzer]", "list the commands and analyzers, or document one", ""},
	{"plan", "plan init [-force] [FILE] | plan check [FILE] | plan export [-format F] [-o FILE | -check FILE]", "write the default plan, commented, validate a plan, or export it as alert rules, SLO specs or a document", planHelp},
	{"budget", "budget [-json | -html FILE] [packages]", "estimate every endpoint's latency from its code against the plan, as a tree, JSON or an HTML page", budgetHelp},
	{"lsp", "lsp [flags]", "serve editors as a Language Server, beside gopls", ""},
	{"cache", "cache clean | dir | stats", "remove, locate or measure the result cache", cacheHelp},
	{"version", "version", "print perfvet's version", ""},
}

const planHelp = `usage: perfvet plan init [-force] [FILE]
       perfvet plan check [FILE]
       perfvet plan export [-format prometheus|sloth|openslo|markdown] [-o FILE | -check FILE] [-plan FILE] [-service NAME]

perfvet plan init writes the embedded default plan, with comments on every
key, to FILE (default ./perfplan.yaml); it refuses to overwrite a file
unless -force is given. Delete the keys you do not want to change: a key
left out keeps its default.

perfvet plan check validates FILE (default: the perfplan.yaml that applies
here, found by walking up to the module root) and prints "FILE: ok", then
every default that moved to agree with a key the file wrote. An invalid
plan is reported as file:line:col: message, with exit code 2.

perfvet plan export writes the plan as Prometheus recording, alerting and
SLO burn-rate rules (prometheus, the default), a Sloth prometheus/v1 spec
(sloth), OpenSLO v1 documents (openslo) or an SLO document (markdown), to
stdout or -o FILE. The rules read only the metrics and labels the plan
requires, which the metrics analyzer checks the code exports. -check FILE
exits 1 when FILE is out of date with the plan (for pre-commit and CI).
`

// runHelp lists the commands and analyzers, or documents each one named.
// The analyzers and their documentation come from the registry
// (analyzers.Registry).
func runHelp(args []string) int {
	suite := analyzers.Suite(analyzers.Config{})
	if len(args) == 0 {
		printOverview(os.Stdout, suite)
		return driver.ExitClean
	}
	code := driver.ExitClean
	for _, name := range args {
		if c, ok := findCommand(name); ok {
			printCommandHelp(c)
			continue
		}
		if e, ok := analyzers.Lookup(name); ok {
			printAnalyzerHelp(os.Stdout, e, findAnalyzer(suite, name))
			continue
		}
		fmt.Fprintf(os.Stderr, "perfvet: no command or analyzer named %q; run 'perfvet help' for the list\n", name)
		code = driver.ExitUsage
	}
	return code
}

func printOverview(w io.Writer, suite []*analysis.Analyzer) {
	fmt.Fprint(w, usage)
	fs, _ := newFlagSet(w, suite)
	fs.PrintDefaults()
	fmt.Fprintln(w, "\nCommands:")
	for _, c := range commands {
		fmt.Fprintf(w, "\t%-12s %s\n", c.name, c.title)
	}
	fmt.Fprintln(w, "\nAnalyzers:")
	for _, e := range analyzers.Registry() {
		fmt.Fprintf(w, "\t%-12s %s\n", e.Name, e.Doc.Title)
	}
	fmt.Fprintln(w, "\nRun 'perfvet help <command>' or 'perfvet help <analyzer>' for its documentation.")
}

func findCommand(name string) (command, bool) {
	for _, c := range commands {
		if c.name == name {
			return c, true
		}
	}
	return command{}, false
}

func findAnalyzer(suite []*analysis.Analyzer, name string) *analysis.Analyzer {
	for _, a := range suite {
		if a.Name == name {
			return a
		}
	}
	return nil
}

func printCommandHelp(c command) {
	switch {
	case c.name == "lsp":
		fs := newLSPFlagSet(os.Stdout, new(lspFlags))
		fmt.Print(lspUsage)
		fs.PrintDefaults()
	case c.doc != "":
		fmt.Print(c.doc)
	default:
		fmt.Printf("usage: perfvet %s\n\n%s.\n", c.synopsis, strings.ToUpper(c.title[:1])+c.title[1:])
	}
}

// printAnalyzerHelp prints an analyzer's documentation from the
// registry, as staticcheck -explain does, then where its full reference is
// and the flags of its instance a.
func printAnalyzerHelp(w io.Writer, e analyzers.Entry, a *analysis.Analyzer) {
	fmt.Fprintf(w, "%s: %s", e.Name, e.Doc.Format())
	if a == nil {
		return
	}
	if a.URL != "" {
		fmt.Fprintf(w, "\nReference (every rule, its reasons and limits): %s\n", a.URL)
	}
	var flags []string
	a.Flags.VisitAll(func(f *flag.Flag) {
		flags = append(flags, fmt.Sprintf("\t-%s.%s\t%s (default %q)", a.Name, f.Name, f.Usage, f.DefValue))
	})
	if len(flags) > 0 {
		fmt.Fprintf(w, "\nFlags:\n%s\n", strings.Join(flags, "\n"))
	}
}

func runVersion() int {
	fmt.Printf("perfvet %s\n", toolVersion())
	return driver.ExitClean
}

// parseFlags parses args into fs, answering a mistake with the error, a
// did-you-mean for a misspelt flag and a one-line pointer to the full
// usage (which -h prints), instead of the whole flag list. It returns the
// exit code to stop with, or -1 to go on.
func parseFlags(fs *flag.FlagSet, args []string, name string, fullUsage func()) int {
	out, usage := fs.Output(), fs.Usage
	fs.SetOutput(io.Discard)
	fs.Usage = func() {}
	defer func() { fs.SetOutput(out); fs.Usage = usage }()
	err := fs.Parse(args)
	switch {
	case err == nil:
		return -1
	case errors.Is(err, flag.ErrHelp):
		fs.SetOutput(out)
		fullUsage()
		return driver.ExitClean
	}
	fmt.Fprintf(out, "%s: %v\n", name, err)
	if bad, ok := strings.CutPrefix(err.Error(), "flag provided but not defined: -"); ok {
		if s := closestFlag(fs, bad); s != "" {
			fmt.Fprintf(out, "%s: did you mean -%s?\n", name, s)
		}
	}
	fmt.Fprintf(out, "run '%s -h' for its flags, or 'perfvet help' for everything\n", name)
	return driver.ExitUsage
}

// closestFlag returns the defined flag nearest to a misspelt one: within
// two edits, or the only flag it is a prefix of.
func closestFlag(fs *flag.FlagSet, bad string) string {
	bad = strings.TrimLeft(bad, "-")
	best, bestDist := "", 3
	var prefixed []string
	fs.VisitAll(func(f *flag.Flag) {
		if d := plan.EditDistance(bad, f.Name); d < bestDist {
			best, bestDist = f.Name, d
		}
		if strings.HasPrefix(f.Name, bad) {
			prefixed = append(prefixed, f.Name)
		}
	})
	if best == "" && len(prefixed) == 1 {
		return prefixed[0]
	}
	return best
}
