package main

import (
	"errors"
	"flag"
	"fmt"
	"io"
	"io/fs"
	"os"

	"github.com/perfvet/perfvet/analyzers/plan"
	"github.com/perfvet/perfvet/internal/driver"
)

// runPlan serves "perfvet plan init", "perfvet plan check" and "perfvet plan export".
func runPlan(args []string) int {
	if len(args) == 0 {
		fmt.Fprint(os.Stderr, planHelp)
		return driver.ExitUsage
	}
	switch args[0] {
	case "init":
		return planInit(args[1:])
	case "check":
		return planCheck(args[1:])
	case "export":
		return planExport(args[1:])
	}
	fmt.Fprintf(os.Stderr, "perfvet plan: unknown command %q; want init, check or export\n", args[0])
	return driver.ExitUsage
}

func planInit(args []string) int {
	fset := flag.NewFlagSet("perfvet plan init", flag.ContinueOnError)
	fset.SetOutput(os.Stderr)
	force := fset.Bool("force", false, "overwrite an existing file")
	if code := parseFlags(fset, args, "perfvet plan init", func() {
		fmt.Fprint(os.Stderr, planHelp)
		fset.PrintDefaults()
	}); code >= 0 {
		return code
	}
	file := plan.FileName
	if fset.NArg() > 0 {
		file = fset.Arg(0)
	}
	flags := os.O_WRONLY | os.O_CREATE | os.O_EXCL
	if *force {
		flags = os.O_WRONLY | os.O_CREATE | os.O_TRUNC
	}
	f, err := os.OpenFile(file, flags, 0o644)
	if errors.Is(err, fs.ErrExist) {
		fmt.Fprintf(os.Stderr, "perfvet: %s exists; use -force to overwrite it\n", file)
		return driver.ExitUsage
	}
	if err != nil {
		// A path that cannot be written is a mistake in the command
		// line (exit 2); 3 is for packages that fail to load.
		if derr := checkDirOf(file); derr != nil {
			err = fmt.Errorf("%s: %w", file, derr)
		}
		fmt.Fprintf(os.Stderr, "perfvet: plan init: %v\n", err)
		return driver.ExitUsage
	}
	_, err = f.Write(plan.DefaultYAML())
	if cerr := f.Close(); err == nil {
		err = cerr
	}
	if err != nil {
		fmt.Fprintf(os.Stderr, "perfvet: plan init: %v\n", err)
		return driver.ExitUsage
	}
	fmt.Fprintf(os.Stderr, "perfvet: wrote the default plan to %s; edit it to match your service\n", file)
	return driver.ExitClean
}

func planCheck(args []string) int {
	var file string
	switch len(args) {
	case 0:
		cwd, err := os.Getwd()
		if err != nil {
			fmt.Fprintf(os.Stderr, "perfvet: %v\n", err)
			return driver.ExitFailed
		}
		file = plan.Discover(cwd)
		if file == "" {
			fmt.Fprintf(os.Stderr, "perfvet: no %s between here and the module root; the embedded default applies\n", plan.FileName)
			return driver.ExitClean
		}
	case 1:
		file = args[0]
	default:
		fmt.Fprintln(os.Stderr, "usage: perfvet plan check [FILE]")
		return driver.ExitUsage
	}
	p, err := plan.Load(file)
	if err != nil {
		fmt.Fprintln(os.Stderr, err)
		return driver.ExitUsage
	}
	fmt.Printf("%s: ok\n", file)
	printAdjusted(os.Stdout, p)
	return driver.ExitClean
}

// printAdjusted lists the defaults that moved to agree with the keys a
// plan file wrote, so that what the plan means is never a guess.
func printAdjusted(w io.Writer, p *plan.Plan) {
	for _, a := range p.Adjusted {
		fmt.Fprintf(w, "%s: adjusted %s\n", p.Source, a)
	}
}
