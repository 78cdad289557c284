// Command realworld measures perfvet on real open-source Go services: the
// corpus of services.tsv, checked out elsewhere at the pinned commits (this
// repository holds only pointers: repository, commit, module directory),
// and the real fix commits of fixes.tsv.
//
// It fetches nothing itself. See README.md for how to obtain the services.
//
// Usage, from the repository root:
//
//	go run ./bench/realworld checkout -mirror DIR -src DIR
//	go run ./bench/realworld run -perfvet BIN -src DIR -out DIR [-only a,b]
//	go run ./bench/realworld summary -out DIR
//	go run ./bench/realworld compare DIR_BEFORE DIR_AFTER
//	go run ./bench/realworld fixes -perfvet BIN -mirror DIR -work DIR -out DIR
//	go run ./bench/realworld precision [-judged bench/realworld/judged-before.tsv]
//
// run analyses each service with `perfvet -json` from its module directory
// (one at a time, with a time limit), writes NAME.json, NAME.txt (the
// findings as text, with their related positions), NAME.meta (exit code,
// seconds, lines) and prints a table: lines of Go (non-test, non-generated,
// non-vendor), findings per analyzer, findings per 1,000 lines, time, exit
// code. summary prints the same table from a finished output directory.
// compare prints both tables' counts side by side and the findings that
// appeared or disappeared (keyed by file, line, analyzer and category).
// fixes checks out the parent and the fix of each row of fixes.tsv from a
// directory of bare git mirrors, runs perfvet on the packages named, and
// says whether the analyzer expected reports inside the function named on
// the parent (flagged) and not on the fix (silent).
package main

import (
	"flag"
	"fmt"
	"os"
	"path/filepath"
	"runtime"
	"strings"
	"time"
)

func main() {
	if len(os.Args) < 2 {
		usage()
	}
	cmd, args := os.Args[1], os.Args[2:]
	var err error
	switch cmd {
	case "run":
		err = cmdRun(args)
	case "summary":
		err = cmdSummary(args)
	case "compare":
		err = cmdCompare(args)
	case "checkout":
		err = cmdCheckout(args)
	case "fixes":
		err = cmdFixes(args)
	case "precision":
		err = cmdPrecision(args)
	default:
		usage()
	}
	if err != nil {
		fmt.Fprintf(os.Stderr, "realworld %s: %v\n", cmd, err)
		os.Exit(1)
	}
}

func usage() {
	fmt.Fprint(os.Stderr, `usage:
	realworld checkout [-mirror DIR] [-src DIR] [-only a,b]
	realworld run -perfvet BIN -src DIR -out DIR [-only a,b] [-timeout 20m]
	realworld summary -out DIR
	realworld compare DIR_BEFORE DIR_AFTER
	realworld fixes -perfvet BIN -mirror DIR -work DIR -out DIR [-only i,j]
	realworld precision [-judged FILE]
`)
	os.Exit(2)
}

// here is the directory of this command's tables (services.tsv, fixes.tsv).
func here() string {
	_, file, _, ok := runtime.Caller(0)
	if ok {
		if _, err := os.Stat(filepath.Join(filepath.Dir(file), "services.tsv")); err == nil {
			return filepath.Dir(file)
		}
	}
	return "bench/realworld"
}

type common struct {
	perfvet  string
	services string
	only     map[string]bool
	timeout  time.Duration
}

func (c *common) bind(fs *flag.FlagSet) *string {
	fs.StringVar(&c.perfvet, "perfvet", "", "perfvet binary")
	fs.StringVar(&c.services, "services", filepath.Join(here(), "services.tsv"), "the table of services")
	fs.DurationVar(&c.timeout, "timeout", 20*time.Minute, "time limit of one perfvet run")
	return fs.String("only", "", "comma-separated names: only these rows")
}

func splitSet(s string) map[string]bool {
	if s == "" {
		return nil
	}
	m := map[string]bool{}
	for f := range strings.SplitSeq(s, ",") {
		if f = strings.TrimSpace(f); f != "" {
			m[f] = true
		}
	}
	return m
}

func absPath(p string) (string, error) {
	if p == "" {
		return "", nil
	}
	return filepath.Abs(p)
}
