package main

import (
	"errors"
	"flag"
	"fmt"
	"io/fs"
	"os"

	"github.com/perfvet/perfvet/internal/driver"
)

// baselineFlags are -baseline FILE and -baseline-write.
type baselineFlags struct {
	file  string
	write bool
	base  *driver.Baseline // read by prepare
}

func (b *baselineFlags) bind(fs *flag.FlagSet) {
	fs.StringVar(&b.file, "baseline", "", "report only the findings not in this baseline file of accepted findings (keys without line numbers: analyzer, category, file, enclosing function, message)")
	fs.BoolVar(&b.write, "baseline-write", false, "write the run's findings to the -baseline file, and report none")
}

// apply writes the baseline (-baseline-write) or removes the findings it
// accepts from res. done says the run ends here, with code.
func (b *baselineFlags) apply(res *driver.Result, cwd string) (code int, done bool) {
	if b.write {
		base := res.MakeBaseline(cwd)
		if err := driver.WriteBaseline(b.file, base); err != nil {
			fmt.Fprintf(os.Stderr, "perfvet: -baseline-write: %v\n", err)
			return driver.ExitUsage, true
		}
		n := 0
		for _, e := range base.Findings {
			n += e.Count
		}
		fmt.Fprintf(os.Stderr, "perfvet: wrote %d findings to %s\n", n, b.file)
		res.WriteErrors(os.Stderr, cwd)
		if len(res.Errors) > 0 {
			return driver.ExitFailed, true
		}
		return driver.ExitClean, true
	}
	res.FilterBaseline(b.base, cwd)
	return 0, false
}

// prepare checks the flags and reads the baseline before anything is
// analysed, so that a missing or malformed file stops the run at once.
func (b *baselineFlags) prepare() error {
	switch {
	case b.write && b.file == "":
		return errors.New("-baseline-write needs -baseline FILE")
	case b.file == "" || b.write:
		return nil
	}
	base, err := driver.ReadBaseline(b.file)
	if errors.Is(err, fs.ErrNotExist) {
		return fmt.Errorf("-baseline: %s does not exist; write it with -baseline %s -baseline-write", b.file, b.file)
	}
	if err != nil {
		return fmt.Errorf("-baseline: %w", err)
	}
	b.base = base
	return nil
}
