package main

import (
	"bytes"
	"errors"
	"flag"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"strings"

	"golang.org/x/mod/modfile"

	"github.com/perfvet/perfvet/analyzers/plan"
	"github.com/perfvet/perfvet/internal/driver"
	"github.com/perfvet/perfvet/internal/planexport"
)

// planExport serves "perfvet plan export": the plan as Prometheus rules or
// an SLO document, written to stdout or -o FILE, or compared with a
// committed file (-check FILE, for pre-commit and CI: exit 1 when the file
// is out of date with the plan).
func planExport(args []string) int {
	fset := flag.NewFlagSet("perfvet plan export", flag.ContinueOnError)
	format := fset.String("format", "prometheus", "output format: "+strings.Join(planexport.Formats, ", "))
	out := fset.String("o", "", "write to FILE instead of stdout")
	check := fset.String("check", "", "compare FILE with what the plan generates; exit 1 if it is out of date")
	service := fset.String("service", "", "the service's name, for -format sloth and openslo (default: the module's last path element)")
	planFile := fset.String("plan", "", "plan file (default: perfplan.yaml found from here up to the module root, else the embedded default)")
	fset.Usage = func() {
		fmt.Fprintln(fset.Output(), "usage: perfvet plan export [-format F] [-o FILE | -check FILE] [-plan FILE]")
		fset.PrintDefaults()
	}
	if err := fset.Parse(args); err != nil {
		return driver.ExitUsage
	}
	if fset.NArg() > 0 {
		fmt.Fprintf(os.Stderr, "perfvet plan export: unexpected argument %q (flags only)\n", fset.Arg(0))
		return driver.ExitUsage
	}
	if *out != "" && *check != "" {
		fmt.Fprintln(os.Stderr, "perfvet plan export: -o and -check exclude each other")
		return driver.ExitUsage
	}
	p, code := exportPlan(*planFile)
	if p == nil {
		return code
	}
	if *service == "" {
		*service = moduleName()
	}
	data, err := planexport.Export(p, *format, *service)
	if err != nil {
		fmt.Fprintf(os.Stderr, "perfvet plan export: %v\n", err)
		return driver.ExitUsage
	}
	switch {
	case *check != "":
		have, err := os.ReadFile(*check)
		if errors.Is(err, fs.ErrNotExist) {
			fmt.Fprintf(os.Stderr, "perfvet: %s does not exist; write it with: perfvet plan export -format %s -o %s\n", *check, *format, *check)
			return driver.ExitFindings
		}
		if err != nil {
			fmt.Fprintf(os.Stderr, "perfvet: %v\n", err)
			return driver.ExitUsage
		}
		if !bytes.Equal(have, data) {
			fmt.Fprintf(os.Stderr, "perfvet: %s is out of date with %s; regenerate it with: perfvet plan export -format %s -o %s\n", *check, p.Source, *format, *check)
			return driver.ExitFindings
		}
		return driver.ExitClean
	case *out != "":
		if err := os.WriteFile(*out, data, 0o644); err != nil {
			fmt.Fprintf(os.Stderr, "perfvet: %v\n", err)
			return driver.ExitUsage
		}
		return driver.ExitClean
	}
	if _, err := os.Stdout.Write(data); err != nil {
		return driver.ExitUsage
	}
	return driver.ExitClean
}

// exportPlan loads the named plan, or the one discovered from the current
// directory, or the embedded default.
func exportPlan(file string) (*plan.Plan, int) {
	if file == "" {
		cwd, err := os.Getwd()
		if err != nil {
			fmt.Fprintf(os.Stderr, "perfvet: %v\n", err)
			return nil, driver.ExitUsage
		}
		file = plan.Discover(cwd)
	}
	if file == "" {
		return plan.Default(), driver.ExitClean
	}
	p, err := plan.Load(file)
	if err != nil {
		fmt.Fprintln(os.Stderr, err)
		return nil, driver.ExitUsage
	}
	return p, driver.ExitClean
}

// moduleName returns the last element of the module path of the current
// directory's go.mod, found by walking up, or "service".
func moduleName() string {
	dir, err := os.Getwd()
	for err == nil {
		data, rerr := os.ReadFile(filepath.Join(dir, "go.mod"))
		if rerr == nil {
			if path := modfile.ModulePath(data); path != "" {
				return path[strings.LastIndex(path, "/")+1:]
			}
			break
		}
		parent := filepath.Dir(dir)
		if parent == dir {
			break
		}
		dir = parent
	}
	return "service"
}
