package main

import (
	"flag"
	"fmt"
	"os"
	"strings"

	"github.com/perfvet/perfvet/analyzers"
	"github.com/perfvet/perfvet/internal/driver"
)

// runHelp lists the analyzers, or prints one analyzer's documentation.
func runHelp(args []string) int {
	suite := analyzers.Suite(analyzers.Config{})
	if len(args) == 0 {
		fmt.Print(usage)
		fs, _ := newFlagSet(os.Stdout, suite)
		fs.PrintDefaults()
		fmt.Println("\nAnalyzers:")
		for _, a := range suite {
			title, _, _ := strings.Cut(a.Doc, "\n\n")
			fmt.Printf("\t%-12s %s\n", a.Name, title)
		}
		fmt.Println("\nRun 'perfvet help <analyzer>' for an analyzer's documentation.")
		return driver.ExitClean
	}
	code := driver.ExitClean
	for _, name := range args {
		found := false
		for _, a := range suite {
			if a.Name != name {
				continue
			}
			found = true
			fmt.Printf("%s: %s\n", a.Name, a.Doc)
			if a.URL != "" {
				fmt.Printf("\nDocumentation: %s\n", a.URL)
			}
			var flags []string
			a.Flags.VisitAll(func(f *flag.Flag) {
				flags = append(flags, fmt.Sprintf("\t-%s.%s\t%s (default %q)", a.Name, f.Name, f.Usage, f.DefValue))
			})
			if len(flags) > 0 {
				fmt.Printf("\nFlags:\n%s\n", strings.Join(flags, "\n"))
			}
		}
		if !found {
			fmt.Fprintf(os.Stderr, "perfvet: no analyzer named %q; run 'perfvet help' for the list\n", name)
			code = driver.ExitUsage
		}
	}
	return code
}

func runVersion() int {
	fmt.Printf("perfvet %s\n", toolVersion())
	return driver.ExitClean
}
