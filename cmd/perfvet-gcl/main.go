// Command perfvet-gcl is golangci-lint v2 with perfvet's module plugins
// linked in: a ready-built custom golangci-lint. It runs exactly as
// golangci-lint does (perfvet-gcl run ./...), with perfvet's analyzers
// available as linters once .golangci.yml enables them:
//
//	version: "2"
//	linters:
//	  enable: [timeouts]
//	  settings:
//	    custom:
//	      timeouts:
//	        type: module
//	        description: network and database work with no time bound
//
// See the perfvet README ("golangci-lint") for the settings, the perfvet
// plugin that runs the whole suite, and how to build it offline.
package main

import (
	"fmt"
	"os"
	"runtime/debug"
	"strings"

	"github.com/golangci/golangci-lint/v2/pkg/commands"
	"github.com/golangci/golangci-lint/v2/pkg/exitcodes"

	_ "github.com/perfvet/perfvet/plugin" // registers the module plugins
)

const (
	perfvetModule = "github.com/perfvet/perfvet"
	gclModule     = "github.com/golangci/golangci-lint/v2"
)

func main() {
	if err := commands.Execute(buildInfo()); err != nil {
		_, _ = fmt.Fprintf(os.Stderr, "The command is terminated due to an error: %v\n", err)
		os.Exit(exitcodes.Failure)
	}
}

// buildInfo describes the binary to golangci-lint. The version matters
// beyond display: golangci-lint salts its analysis cache with it, so it
// must change whenever perfvet's analyzers do. A release build (perfvet
// at a module version) is "<golangci-lint version>-perfvet-<perfvet
// version>"; a development build (perfvet replaced by a local directory)
// is "(devel)", for which golangci-lint salts with the executable's hash.
func buildInfo() commands.BuildInfo {
	info := commands.BuildInfo{Version: "(devel)", Commit: "?", Date: "(unknown)", GoVersion: "unknown"}
	bi, ok := debug.ReadBuildInfo()
	if !ok {
		return info
	}
	info.GoVersion = bi.GoVersion
	gcl, perfvet := "unknown", "(devel)"
	released := false
	for _, dep := range bi.Deps {
		switch dep.Path {
		case gclModule:
			gcl = dep.Version
		case perfvetModule:
			perfvet = dep.Version
			released = dep.Replace == nil && dep.Sum != "" && !strings.Contains(dep.Version, "+dirty")
			if dep.Replace != nil {
				perfvet = "(devel, " + dep.Replace.Path + ")"
			}
		}
	}
	if released {
		info.Version = strings.TrimPrefix(gcl, "v") + "-perfvet-" + perfvet
	}
	info.Commit = fmt.Sprintf("(golangci-lint %s, perfvet %s)", gcl, perfvet)
	for _, s := range bi.Settings {
		if s.Key == "vcs.time" {
			info.Date = s.Value
		}
	}
	return info
}
