// Package fixturemod makes sure a fixture module's dependencies are in the
// module cache before a test loads the module offline.
//
// The tests load the fixture modules under testdata/ (realibs, demo,
// benchcorpus, the e2e modules) with GOPROXY=off or -mod=mod: analysistest
// and the driver must not fetch anything while they measure or compare. On
// a fresh machine the module cache is empty, so each test that loads such a
// module first calls Ensure, which runs `go mod download` in the module
// with the environment's own GOPROXY, once per test binary and module.
// `go mod download` fetches every module the main module requires, which
// covers the transitive imports of all its packages and their tests (a
// later `go list -deps -test ./...` with GOPROXY=off finds them all).
//
// A machine that cannot reach the module proxy (or has GOPROXY=off) and
// lacks some of the modules skips the test, with a message that says so;
// any other failure of `go mod download` fails the test.
package fixturemod

import (
	"bytes"
	"context"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"slices"
	"strings"
	"sync"
	"sync/atomic"
	"testing"
)

// A download is the outcome of `go mod download` in one module.
type download struct {
	once sync.Once
	skip string // the proxy cannot be reached: why the test is skipped
	err  error  // any other failure
}

var (
	mu        sync.Mutex
	downloads = make(map[string]*download) // by absolute module directory
	runs      atomic.Int32                 // `go mod download` runs, for the tests
)

// Ensure makes sure the dependencies of the module in dir (the directory
// holding its go.mod) are in the module cache, running `go mod download`
// there the first time the test binary asks for that module. It skips the
// test if the module proxy cannot be reached and fails it on any other
// error. It must be called from the test's goroutine.
func Ensure(tb testing.TB, dir string) {
	tb.Helper()
	abs, err := filepath.Abs(dir)
	if err != nil {
		tb.Fatal(err)
	}
	mu.Lock()
	d := downloads[abs]
	if d == nil {
		d = new(download)
		downloads[abs] = d
	}
	mu.Unlock()
	d.once.Do(func() {
		runs.Add(1)
		d.skip, d.err = run(context.Background(), abs, os.Environ())
	})
	switch {
	case d.err != nil:
		tb.Fatal(d.err)
	case d.skip != "":
		tb.Skip(d.skip)
	}
}

// run runs `go mod download` in the module dir with the environment env.
// It returns a reason to skip if the module proxy cannot be reached, and
// an error for any other failure.
func run(ctx context.Context, dir string, env []string) (skip string, err error) {
	if _, err := os.Stat(filepath.Join(dir, "go.mod")); err != nil {
		return "", fmt.Errorf("fixture module %s: %w", dir, err)
	}
	goTool, err := exec.LookPath("go")
	if err != nil {
		return "", fmt.Errorf("the go command is needed to download the dependencies of %s: %w", dir, err)
	}
	cmd := exec.CommandContext(ctx, goTool, "mod", "download")
	cmd.Dir = dir
	cmd.Env = slices.Concat(env, []string{"GO111MODULE=on", "GOWORK=off"})
	out, err := cmd.CombinedOutput()
	if err == nil {
		return "", nil
	}
	msg := strings.TrimSpace(string(out))
	if line, ok := unreachable(out); ok {
		return fmt.Sprintf("the module proxy cannot be reached or is turned off (GOPROXY=%s), and the dependencies of %s are not all in the module cache; this test needs them: %s",
			goEnv(ctx, env, dir, "GOPROXY"), dir, line), nil
	}
	return "", fmt.Errorf("downloading the dependencies of %s (go mod download): %w\n%s", dir, err, msg)
}

// offline matches the go command's errors when a module cannot be fetched
// because the network, the proxy or its fallback cannot be reached, or
// fetching is turned off.
var offline = regexp.MustCompile(`(?i)` + strings.Join([]string{
	`disabled by GOPROXY=off`,
	`dial tcp`,
	`no such host`,
	`connection refused`,
	`connection reset`,
	`network is unreachable`,
	`no route to host`,
	`i/o timeout`,
	`TLS handshake timeout`,
	`Client\.Timeout exceeded`,
	`proxyconnect`,
	`temporary failure in name resolution`,
	`server misbehaving`,
	`could not resolve host`,
	`failed to connect to`,
}, "|"))

// unreachable reports whether the output of a failed `go mod download`
// says that the proxy could not be reached, and returns the line that
// says so.
func unreachable(out []byte) (string, bool) {
	for line := range bytes.Lines(out) {
		if offline.Match(line) {
			return string(bytes.TrimSpace(line)), true
		}
	}
	return "", false
}

// goEnv returns the value of a go environment variable as the go command
// in dir sees it with env, or "?" if it cannot be read.
func goEnv(ctx context.Context, env []string, dir, name string) string {
	cmd := exec.CommandContext(ctx, "go", "env", name)
	cmd.Dir = dir
	cmd.Env = slices.Concat(env, []string{"GOWORK=off"})
	out, err := cmd.Output()
	if err != nil {
		return "?"
	}
	return strings.TrimSpace(string(out))
}
