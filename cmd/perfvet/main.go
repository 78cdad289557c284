// Command perfvet checks Go code against its optimization plan.
//
// Usage:
//
//	perfvet [flags] [packages]     analyse packages (default ./...)
//	perfvet help [analyzer]        list the analyzers, or document one
//	perfvet plan init [-force] [FILE]
//	                               write the default plan, commented (default ./perfplan.yaml)
//	perfvet plan check [FILE]      validate a plan (default: the one that applies here)
//	perfvet budget [-json | -html FILE] [packages]
//	                               every endpoint's estimated latency against the plan
//	perfvet version                print the version
//	perfvet lsp [flags]            serve editors as a Language Server (stdio)
//	perfvet cache clean|dir|stats  manage the result cache
//	go vet -vettool=$(which perfvet) [packages]
//
// Exit codes: 0 no findings; 1 findings; 2 bad usage or invalid plan
// (nothing analysed); 3 packages that failed to load or type-check, or an
// analyzer error (results incomplete).
package main

import (
	"fmt"
	"os"
	"runtime/debug"
	"strings"

	"github.com/perfvet/perfvet/internal/driver"
)

func main() {
	os.Exit(runSafely(os.Args[1:]))
}

// runSafely is run, with a crash reported as an internal error.
func runSafely(args []string) (code int) {
	defer func() {
		// A crash is a perfvet bug; say so, and exit as an error rather
		// than with a raw panic that looks like a finding.
		if r := recover(); r != nil {
			fmt.Fprintf(os.Stderr, "perfvet: internal error: %v\n%s\nplease report this at https://github.com/perfvet/perfvet/issues\n", r, debug.Stack())
			code = driver.ExitFailed
		}
	}()
	return run(args)
}

// run dispatches on the first argument and returns the exit code.
func run(args []string) int {
	if isVetInvocation(args) {
		return runVet(args) // does not return: unitchecker exits itself
	}
	if len(args) > 0 {
		switch args[0] {
		case "help":
			return runHelp(args[1:])
		case "plan":
			return runPlan(args[1:])
		case "budget":
			return runBudget(args[1:])
		case "lsp":
			return runLSP(args[1:])
		case "cache":
			return runCache(args[1:])
		case "version":
			return runVersion()
		}
	}
	return runAnalyze(args)
}

// isVetInvocation reports whether the go command runs perfvet as a vet
// tool: it asks for -V=full and -flags, then passes one *.cfg file.
func isVetInvocation(args []string) bool {
	for _, a := range args {
		if a == "-V=full" || a == "--V=full" || a == "-V" || a == "-flags" || a == "--flags" {
			return true
		}
	}
	return len(args) > 0 && strings.HasSuffix(args[len(args)-1], ".cfg")
}
