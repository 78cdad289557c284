package main

import (
	"fmt"
	"os"
	"path/filepath"
	"strings"

	"golang.org/x/tools/go/packages"
)

// A usageError is a mistake in how perfvet was run that leaves nothing to
// analyse: exit code 2, not 3 (results incomplete).
type usageError struct{ msg string }

func (e *usageError) Error() string { return e.msg }

func usagef(format string, args ...any) error {
	return &usageError{fmt.Sprintf(format, args...)}
}

// misplacedFlags reports a flag written after the packages: the flag
// package stops at the first non-flag, so "perfvet ./... -json" would
// take -json for a package pattern.
func misplacedFlags(patterns []string) error {
	var flags, pkgs []string
	for _, p := range patterns {
		if strings.HasPrefix(p, "-") && p != "-" {
			flags = append(flags, p)
		} else {
			pkgs = append(pkgs, p)
		}
	}
	if len(flags) == 0 {
		return nil
	}
	return usagef("flags go before packages: %s follows %s; run: perfvet %s %s",
		strings.Join(flags, " "), strings.Join(pkgs, " "), strings.Join(flags, " "), strings.Join(pkgs, " "))
}

// checkMatched reports patterns that matched no package, as go list
// reports them: a root with no files whose only content is an error. Any
// such pattern is a usage error, as it is for go build and go vet; what
// it says depends on why (no such directory, not in a module, a go.work
// root).
func checkMatched(roots []*packages.Package, patterns []string) error {
	if len(patterns) == 0 {
		patterns = []string{"./..."}
	}
	if len(roots) == 0 {
		return usagef("%s matches no packages; nothing was analysed", strings.Join(patterns, " "))
	}
	for _, r := range roots {
		if !unmatched(r) {
			continue
		}
		msg := r.Errors[0].Msg
		cwd, _ := os.Getwd()
		switch {
		case strings.Contains(msg, "go.work"):
			return usagef("%s is a go.work workspace root, not a module, so %s matches nothing here; name the modules' packages (perfvet %s), or run perfvet in a module",
				cwd, r.ID, workspacePatterns(cwd))
		case strings.Contains(msg, "main module") || strings.Contains(msg, "go.mod file not found"):
			return usagef("%s is not in a Go module (no go.mod in it or any parent directory); run perfvet in your module, or name it with -C DIR", cwd)
		}
		return usagef("%s matches no packages (%s); nothing was analysed", r.ID, msg)
	}
	return nil
}

// unmatched reports whether a root is go list's stand-in for a pattern
// that matched nothing: no directory, no files, and an error.
func unmatched(p *packages.Package) bool {
	return p.Name == "" && len(p.GoFiles) == 0 && len(p.CompiledGoFiles) == 0 &&
		len(p.OtherFiles) == 0 && len(p.IgnoredFiles) == 0 && len(p.Errors) > 0
}

// workspacePatterns returns "./a/... ./b/..." for the modules the go.work
// in dir uses, or a placeholder.
func workspacePatterns(dir string) string {
	data, err := os.ReadFile(filepath.Join(dir, "go.work"))
	if err != nil {
		return "./MODULE/..."
	}
	var out []string
	for _, u := range workUses(string(data)) {
		p := filepath.ToSlash(filepath.Clean(u))
		switch {
		case p == ".":
			out = append(out, "./...")
			continue
		case !strings.HasPrefix(p, "../") && !strings.HasPrefix(p, "/"):
			p = "./" + p
		}
		out = append(out, p+"/...")
	}
	if len(out) == 0 {
		return "./MODULE/..."
	}
	return strings.Join(out, " ")
}

// workUses returns the directories of a go.work's use directives, in both
// forms ("use ./a" and a "use ( ... )" block); quoted paths are unquoted.
func workUses(text string) []string {
	var uses []string
	block := false
	for _, line := range strings.Split(text, "\n") {
		if i := strings.Index(line, "//"); i >= 0 {
			line = line[:i]
		}
		f := strings.Fields(line)
		switch {
		case len(f) == 0:
		case block && f[0] == ")":
			block = false
		case block:
			uses = append(uses, strings.Trim(f[0], "\"`"))
		case f[0] == "use" && len(f) > 1 && f[1] == "(":
			block = true
		case f[0] == "use" && len(f) > 1:
			uses = append(uses, strings.Trim(f[1], "\"`"))
		}
	}
	return uses
}
