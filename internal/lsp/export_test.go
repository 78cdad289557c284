package lsp

import (
	"golang.org/x/tools/go/analysis"

	"github.com/perfvet/perfvet/analyzers"
)

// SetSuite replaces the analyzers the server builds, until restore.
func SetSuite(f func(analyzers.Config) []*analysis.Analyzer) (restore func()) {
	old := newSuite
	newSuite = f
	return func() { newSuite = old }
}
