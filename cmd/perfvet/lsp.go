package main

import (
	"flag"
	"fmt"
	"io"
	"os"
	"strings"

	"github.com/perfvet/perfvet/analyzers"
	"github.com/perfvet/perfvet/analyzers/plan"
	"github.com/perfvet/perfvet/internal/driver"
	"github.com/perfvet/perfvet/internal/lsp"
)

const lspUsage = `perfvet lsp serves perfvet's findings to an editor, beside gopls, as a
Language Server on standard input and output.

Usage:
	perfvet lsp [flags]

The editor may set the same options in initializationOptions:
{"plan": FILE, "tags": "a,b", "tests": true, "debounce": 150, "analyzers": {"timeouts": false}}

Flags:
`

// lspFlags are the flags of perfvet lsp.
type lspFlags struct {
	opts             lsp.Options
	logFile, disable string
	verbose          bool
}

func newLSPFlagSet(out io.Writer, f *lspFlags) *flag.FlagSet {
	fs := flag.NewFlagSet("perfvet lsp", flag.ContinueOnError)
	fs.SetOutput(out)
	fs.StringVar(&f.opts.Plan, "plan", "", "plan file for every package (default: the perfplan.yaml found from each package up to its module root); a relative path is looked up here, then at the module root")
	fs.StringVar(&f.opts.Tags, "tags", "", "comma-separated build tags")
	fs.BoolVar(&f.opts.Tests, "tests", false, "load test files and report findings in test code too")
	fs.DurationVar(&f.opts.Debounce, "debounce", lsp.DefaultDebounce, "wait this long after the last edit before analysing (0 = no wait)")
	fs.StringVar(&f.disable, "disable", "", "comma-separated analyzers to turn off")
	fs.StringVar(&f.logFile, "logfile", "", "write a log of what the server does to this file")
	fs.BoolVar(&f.verbose, "v", false, "write a log of what the server does to standard error")
	return fs
}

func runLSP(args []string) int {
	var lf lspFlags
	fs := newLSPFlagSet(os.Stderr, &lf)
	if code := parseFlags(fs, args, "perfvet lsp", func() {
		fmt.Fprint(os.Stderr, lspUsage)
		fs.PrintDefaults()
	}); code >= 0 {
		return code
	}
	opts, logFile, disable, verbose := lf.opts, lf.logFile, lf.disable, lf.verbose
	if fs.NArg() > 0 {
		fmt.Fprintf(os.Stderr, "perfvet lsp: unexpected arguments %q\n", fs.Args())
		return driver.ExitUsage
	}
	if opts.Debounce == 0 {
		opts.Debounce = -1
	}
	if opts.Plan != "" {
		cwd, _ := os.Getwd()
		abs, err := resolvePlanFlag("perfvet lsp: -plan", opts.Plan, cwd)
		if err != nil {
			fmt.Fprintln(os.Stderr, err)
			return driver.ExitUsage
		}
		opts.Plan = abs
		if _, err := plan.Load(opts.Plan); err != nil {
			printPlanError(err)
			return driver.ExitUsage
		}
	}
	if disable != "" {
		opts.Analyzers = make(map[string]bool)
		known := make(map[string]bool)
		for _, a := range analyzers.Suite(analyzers.Config{}) {
			known[a.Name] = true
		}
		for _, name := range strings.Split(disable, ",") {
			name = strings.TrimSpace(name)
			if !known[name] {
				fmt.Fprintf(os.Stderr, "perfvet lsp: -disable: unknown analyzer %q\n", name)
				return driver.ExitUsage
			}
			opts.Analyzers[name] = false
		}
	}
	var logw io.Writer
	switch {
	case logFile != "":
		f, err := os.OpenFile(logFile, os.O_CREATE|os.O_WRONLY|os.O_APPEND, 0o644)
		if err != nil {
			fmt.Fprintf(os.Stderr, "perfvet lsp: %v\n", err)
			return driver.ExitUsage
		}
		defer func() { _ = f.Close() }()
		logw = f
	case verbose:
		logw = os.Stderr
	}
	opts.Log = logw
	if err := lsp.RunStdio(opts); err != nil {
		fmt.Fprintf(os.Stderr, "perfvet lsp: %v\n", err)
		return driver.ExitFailed
	}
	return driver.ExitClean
}
