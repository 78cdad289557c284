// Package clitest holds what the end-to-end tests of the perfvet command
// share: building the command once per test binary, running it (or the go
// command) on a fixture module, and reading its findings.
//
// The command's tests are split over packages that `go test ./...` runs
// side by side (cmd/perfvet for the command's behaviour, cmd/perfvet/e2etest
// for the slow comparisons over every fixture module), each building the
// command once in its TestMain.
package clitest

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"runtime"
	"slices"
	"strings"
	"testing"

	"github.com/perfvet/perfvet/internal/testgc"
)

// Main is a test binary's TestMain body: it builds the command into *bin,
// runs the tests, removes the command and returns the exit code, for
// os.Exit(clitest.Main(m, &bin)). It sets the test binary's garbage
// collector as testgc does.
func Main(m *testing.M, bin *string) int {
	testgc.Set()
	b, cleanup, err := Build()
	if err != nil {
		fmt.Fprintln(os.Stderr, err)
		return 1
	}
	defer cleanup()
	*bin = b
	return m.Run()
}

// Build builds the perfvet command into a new temporary directory and
// returns the binary and a function that removes it. It is meant for a
// TestMain, before any test runs.
func Build() (bin string, cleanup func(), err error) {
	root, err := RepoRoot()
	if err != nil {
		return "", nil, err
	}
	dir, err := os.MkdirTemp("", "perfvet-e2e")
	if err != nil {
		return "", nil, err
	}
	cleanup = func() { _ = os.RemoveAll(dir) }
	bin = filepath.Join(dir, "perfvet")
	if runtime.GOOS == "windows" {
		bin += ".exe"
	}
	build := exec.CommandContext(context.Background(), "go", "build", "-o", bin, "./cmd/perfvet")
	build.Dir = root
	if out, err := build.CombinedOutput(); err != nil {
		cleanup()
		return "", nil, fmt.Errorf("building perfvet: %w\n%s", err, out)
	}
	return bin, cleanup, nil
}

// RepoRoot returns the root of the perfvet module, the first directory
// above the working directory whose go.mod declares it.
func RepoRoot() (string, error) {
	dir, err := os.Getwd()
	if err != nil {
		return "", err
	}
	for {
		data, err := os.ReadFile(filepath.Join(dir, "go.mod"))
		if err == nil && bytes.HasPrefix(data, []byte("module github.com/perfvet/perfvet\n")) {
			return dir, nil
		}
		parent := filepath.Dir(dir)
		if parent == dir {
			return "", errors.New("the perfvet module's go.mod is not above the working directory")
		}
		dir = parent
	}
}

// Testdata returns the absolute path of the fixture testdata/name.
func Testdata(tb testing.TB, name string) string {
	tb.Helper()
	root, err := RepoRoot()
	if err != nil {
		tb.Fatal(err)
	}
	return filepath.Join(root, "testdata", name)
}

// A Result is what a command printed and how it exited.
type Result struct {
	Stdout, Stderr string
	Code           int
}

// Run runs name with args in dir, with the test environment (GOFLAGS=-mod=mod,
// GOWORK=off, and the garbage collector settings of testgc.Env) and the
// extra variables, which override it. A command that
// cannot be started fails the test; a non-zero exit is in Result.Code.
func Run(tb testing.TB, dir string, extra []string, name string, args ...string) Result {
	tb.Helper()
	cmd := exec.CommandContext(tb.Context(), name, args...)
	cmd.Dir = dir
	cmd.Env = slices.Concat(os.Environ(), []string{"GOFLAGS=-mod=mod", "GOWORK=off"}, testgc.Env(), extra)
	var stdout, stderr bytes.Buffer
	cmd.Stdout, cmd.Stderr = &stdout, &stderr
	err := cmd.Run()
	code := 0
	var exit *exec.ExitError
	switch {
	case errors.As(err, &exit):
		code = exit.ExitCode()
	case err != nil:
		tb.Fatalf("running %s %v: %v", name, args, err)
	}
	return Result{stdout.String(), stderr.String(), code}
}

// FindingLine matches a finding line, "file:line:col: message".
var FindingLine = regexp.MustCompile(`^(\S+\.go:\d+:\d+): (.*)$`)

// reachCount matches the count a finding at a cause writes
// (analysisutil.ReachPhrase), as internal/driver's merge does.
var reachCount = regexp.MustCompile(`\b(\d+) ([a-z][a-z ]*?)s? (?:reaches|reach) it\b`)

// causeLine matches a finding line ("file:line:col: message") at a cause.
var causeLine = regexp.MustCompile(`^(\S+\.go:\d+):\d+: (.*)$`)

// NormalizeCauses rewrites the findings at a cause for comparing the
// command with go vet: under go vet, a handler package reports a cause in
// another package at the position export data gives its declaration (the
// line; the column is 1), and sibling packages each report it with their
// own count of request paths; the command merges them into one. The column
// and the count are dropped, and duplicates removed.
func NormalizeCauses(lines []string) []string {
	out := make([]string, 0, len(lines))
	seen := make(map[string]bool)
	for _, l := range lines {
		if m := causeLine.FindStringSubmatch(l); m != nil && reachCount.MatchString(m[2]) {
			l = m[1] + ": " + reachCount.ReplaceAllString(m[2], "# $2 reach it")
		}
		if !seen[l] {
			seen[l] = true
			out = append(out, l)
		}
	}
	return out
}

// VetFindings returns the findings go vet printed on stderr as "file:line:col:
// message", with paths relative to dir, related positions left out.
func VetFindings(dir, stderr string) []string {
	var got []string
	for _, line := range strings.Split(stderr, "\n") {
		m := FindingLine.FindStringSubmatch(strings.TrimPrefix(line, "./"))
		if m == nil || strings.HasPrefix(m[2], "\t") {
			continue // not a finding, or a related position ("posn: \tmessage")
		}
		posn := m[1]
		if filepath.IsAbs(posn) {
			if rel, err := filepath.Rel(dir, posn); err == nil {
				posn = rel
			}
		}
		got = append(got, filepath.ToSlash(posn)+": "+m[2])
	}
	return got
}
