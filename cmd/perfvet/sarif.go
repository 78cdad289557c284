package main

import (
	"bytes"
	"os"
	"runtime/debug"

	"golang.org/x/tools/go/analysis"

	"github.com/perfvet/perfvet/internal/driver"
)

// writeSARIF writes the SARIF log of a run to file ("-" for stdout), with
// URIs relative to the root of the repository holding dir.
func writeSARIF(file string, res *driver.Result, dir string, suite []*analysis.Analyzer) error {
	var buf bytes.Buffer
	err := res.WriteSARIF(&buf, driver.RepoRoot(dir), driver.SARIFTool{
		Name:           "perfvet",
		Version:        toolVersion(),
		InformationURI: "https://github.com/perfvet/perfvet",
		Analyzers:      suite,
	})
	if err != nil {
		return err
	}
	if file == "-" {
		_, err = os.Stdout.Write(buf.Bytes())
		return err
	}
	return os.WriteFile(file, buf.Bytes(), 0o644)
}

// toolVersion is the module version perfvet was built from, or "(devel)".
func toolVersion() string {
	if bi, ok := debug.ReadBuildInfo(); ok && bi.Main.Version != "" {
		return bi.Main.Version
	}
	return "(devel)"
}
