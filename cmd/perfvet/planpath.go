package main

import (
	"fmt"
	"os"
	"path/filepath"

	"github.com/perfvet/perfvet/analyzers/plan"
)

// resolvePlanFlag applies plan.Resolve's rule to a -plan flag: relative
// to dir (where perfvet runs, after -C), then to the module root. label
// names the flag in the error ("perfvet: -plan").
func resolvePlanFlag(label, file, dir string) (string, error) {
	abs, err := plan.Resolve(file, dir)
	if err != nil {
		return "", fmt.Errorf("%s %s: %w", label, file, err)
	}
	return abs, nil
}

// checkOutputs rejects output flags that cannot work, before anything is
// analysed: two formats on standard output, or a file in a directory
// that does not exist.
func checkOutputs(f *analyzeFlags) error {
	if f.json && f.sarif == "-" {
		return fmt.Errorf("-json and -sarif - both write to standard output; write the SARIF log to a file (-sarif perfvet.sarif) or drop one")
	}
	if f.sarif != "" && f.sarif != "-" {
		if err := checkDirOf(f.sarif); err != nil {
			return fmt.Errorf("-sarif %s: %w", f.sarif, err)
		}
	}
	return nil
}

// checkDirOf reports whether the directory a file would be written to
// exists.
func checkDirOf(file string) error {
	dir := filepath.Dir(file)
	st, err := os.Stat(dir)
	switch {
	case err != nil:
		return fmt.Errorf("cannot write there: directory %s does not exist", dir)
	case !st.IsDir():
		return fmt.Errorf("cannot write there: %s is not a directory", dir)
	}
	return nil
}
