package main

import (
	"flag"
	"fmt"
	"os"
	"path/filepath"
	"time"

	"golang.org/x/tools/go/analysis/unitchecker"

	"github.com/perfvet/perfvet/analyzers"
	"github.com/perfvet/perfvet/analyzers/plan"
)

var (
	nowFunc = time.Now
	msRound = time.Millisecond
)

// runVet serves the go command's vet-tool protocol (-V=full, -flags and
// one unit.cfg per package) through unitchecker, which writes each
// package's facts for its importers. It does not return.
func runVet(args []string) int {
	finder := plan.NewFinder("")
	flag.CommandLine.Var(planFlag{finder}, "plan", "plan file for every package (an absolute path; default: the perfplan.yaml found from each package up to its module root)")
	os.Args = append([]string{os.Args[0]}, args...)
	unitchecker.Main(analyzers.Suite(analyzers.Config{Plans: finder})...)
	return 0
}

// planFlag sets the override plan; under go vet it must be absolute,
// because the go command runs the tool in each package's directory.
type planFlag struct{ finder *plan.Finder }

func (p planFlag) String() string {
	if p.finder == nil {
		return ""
	}
	return p.finder.Override()
}

func (p planFlag) Set(v string) error {
	if v != "" && !filepath.IsAbs(v) {
		return fmt.Errorf("under go vet, -plan must be an absolute path (the tool runs in each package's directory): use -plan=$PWD/%s", v)
	}
	if _, err := plan.Load(v); err != nil {
		return err
	}
	p.finder.SetOverride(v)
	return nil
}
