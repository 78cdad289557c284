package main

import (
	"fmt"
	"io"

	"golang.org/x/tools/go/analysis"

	"github.com/perfvet/perfvet/internal/driver"
)

// illTyped says, per analyzer, what it does on a package that does not
// type-check, where there is no SSA and no flow analysis: each analyzer's
// doc.go says the same under # Limits. An analyzer missing here is
// described by illTypedUnknown.
var illTyped = map[string]string{
	"budget":     "did not estimate its routes (routes are found in the code's SSA form)",
	"cacheinval": "did not run (every rule follows values through the code)",
	"pagesize":   "did not run (every rule follows the page size from the request to the query)",
	"nplusone":   "checked only direct round trips in loops and calls of other packages' functions, not queries reached through this package's own helpers",
	"timeouts":   "ran only the rules that need no flow analysis, not clients, servers and contexts whose bounds may be set after they are created",
	"limits":     "ran on what type-checked (its rules need no flow analysis), so a read or pool whose types are missing was not seen",
	"metrics":    "ran only the rules on metric definitions, not the checks for missing metrics and uninstrumented routes",
}

const illTypedUnknown = "may have run only the checks that need no flow analysis"

// printSkippedChecks says which checks did not run on the packages that
// failed to load or type-check, analyzer by analyzer, after the driver's
// summary of them.
func printSkippedChecks(w io.Writer, res *driver.Result, selected []*analysis.Analyzer) {
	if len(res.Incomplete) == 0 {
		return
	}
	fmt.Fprintf(w, "perfvet: checks that did not run on them (fix the errors above for complete results):\n")
	for _, a := range selected {
		what, ok := illTyped[a.Name]
		if !ok {
			what = illTypedUnknown
		}
		fmt.Fprintf(w, "\t%s: %s\n", a.Name, what)
	}
}
