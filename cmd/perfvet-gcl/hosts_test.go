package main_test

import (
	"archive/zip"
	"bytes"
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"fmt"
	"io/fs"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/goccy/go-yaml"
	"golang.org/x/mod/modfile"
	"golang.org/x/mod/module"
	modzip "golang.org/x/mod/zip"

	"github.com/perfvet/perfvet/internal/sarifschema"
	"github.com/perfvet/perfvet/plugin"
)

// Tests of the ways perfvet reaches users besides perfvet-gcl itself:
// golangci-lint's custom command with .custom-gcl.yml, `go install
// pkg@version`, a Go 1.24 tool dependency, and pre-commit hooks. Hosts
// that clone or download the repository get a snapshot of the working
// tree (committed or not) through a local git repository or a local
// module proxy: nothing needs GitHub.

func need(t *testing.T, tools ...string) {
	t.Helper()
	if testing.Short() {
		t.Skip("builds perfvet or golangci-lint again: skipped with -short")
	}
	for _, tool := range tools {
		if _, err := exec.LookPath(tool); err != nil {
			t.Skipf("%s is not installed (.ci/run installs it)", tool)
		}
	}
}

func mustRun(t *testing.T, dir string, env []string, name string, args ...string) string {
	t.Helper()
	r := run(t, dir, env, name, args...)
	if r.code != 0 {
		t.Fatalf("%s %s: exit code %d\n%s\n%s", name, strings.Join(args, " "), r.code, r.stdout, r.stderr)
	}
	return r.stdout
}

var snapshot struct {
	once     sync.Once
	dir, rev string
	err      error
}

// snapshotRepo copies the working tree — tracked files, and untracked
// ones git does not ignore — to a temporary git repository with one
// commit, and returns its directory and commit.
func snapshotRepo(t *testing.T) (dir, rev string) {
	t.Helper()
	need(t, "git")
	snapshot.once.Do(func() {
		snapshot.dir, snapshot.rev, snapshot.err = makeSnapshot()
	})
	if snapshot.err != nil {
		t.Fatalf("snapshot of the repository: %v", snapshot.err)
	}
	return snapshot.dir, snapshot.rev
}

func makeSnapshot() (dir, rev string, err error) {
	git := func(dir string, args ...string) (string, error) {
		cmd := exec.Command("git", append([]string{"-c", "user.name=perfvet-test", "-c", "user.email=test@localhost", "-c", "commit.gpgsign=false"}, args...)...)
		cmd.Dir = dir
		var stderr bytes.Buffer
		cmd.Stderr = &stderr
		out, err := cmd.Output()
		if err != nil {
			return "", fmt.Errorf("git %s: %w: %s", strings.Join(args, " "), err, stderr.String())
		}
		return string(out), nil
	}
	files, err := git(repoRoot, "ls-files", "-z", "--cached", "--others", "--exclude-standard")
	if err != nil {
		return "", "", err
	}
	dir, err = os.MkdirTemp(tmpRoot, "snapshot")
	if err != nil {
		return "", "", err
	}
	for _, name := range strings.Split(strings.TrimRight(files, "\x00"), "\x00") {
		src := filepath.Join(repoRoot, name)
		st, err := os.Lstat(src)
		if err != nil || !st.Mode().IsRegular() {
			continue // deleted in the working tree, or not a file
		}
		data, err := os.ReadFile(src)
		if err != nil {
			return "", "", err
		}
		dst := filepath.Join(dir, name)
		if err := os.MkdirAll(filepath.Dir(dst), 0o755); err != nil {
			return "", "", err
		}
		if err := os.WriteFile(dst, data, st.Mode().Perm()); err != nil {
			return "", "", err
		}
	}
	for _, args := range [][]string{{"init", "-q", "-b", "main"}, {"add", "-A"}, {"commit", "-q", "-m", "snapshot of the working tree"}} {
		if _, err := git(dir, args...); err != nil {
			return "", "", err
		}
	}
	out, err := git(dir, "rev-parse", "HEAD")
	return dir, strings.TrimSpace(out), err
}

// Build a custom golangci-lint from .custom-gcl.yml with golangci-lint's
// own custom command, offline: its clone of GitHub goes to a local mirror
// made from the module proxy (gcl-mirror.sh), as the README documents.
// perfvet-gcl serves as the golangci-lint that runs `custom`.
func TestCustomGCLOffline(t *testing.T) {
	need(t, "git", "sh")
	src, _ := snapshotRepo(t)
	mirror := filepath.Join(t.TempDir(), "golangci-lint")
	exports := mustRun(t, src, nil, "sh", "cmd/perfvet-gcl/gcl-mirror.sh", mirror)
	lines := strings.Split(strings.TrimSpace(exports), "\n")
	env := make([]string, 0, len(lines))
	for _, line := range lines {
		kv := strings.TrimPrefix(line, "export ")
		k, v, _ := strings.Cut(kv, "=")
		env = append(env, k+"="+strings.Trim(v, "'"))
	}
	if len(env) != 3 {
		t.Fatalf("gcl-mirror.sh printed %q", exports)
	}

	// The repository's .custom-gcl.yml, built in a scratch directory.
	data, err := os.ReadFile(filepath.Join(src, ".custom-gcl.yml"))
	if err != nil {
		t.Fatal(err)
	}
	work := t.TempDir()
	conf := strings.Replace(string(data), "path: .\n", "path: "+src+"\n", 1)
	conf = strings.Replace(conf, "destination: ./bin\n", "destination: "+filepath.Join(work, "bin")+"\n", 1)
	if conf == string(data) || !strings.Contains(conf, "path: "+src) {
		t.Fatalf(".custom-gcl.yml no longer has 'path: .' and 'destination: ./bin':\n%s", data)
	}
	writeFile(t, filepath.Join(work, ".custom-gcl.yml"), conf)
	start := time.Now()
	mustRun(t, work, env, gclBin, "custom", "-v")
	t.Logf("golangci-lint custom (offline, local mirror): %v", time.Since(start).Round(time.Second))
	custom := filepath.Join(work, "bin", "perfvet-custom-gcl")

	dir := copyE2E(t, nil)
	want, _ := perfvetFindings(t, dir, "./...")
	cfg := writeFile(t, filepath.Join(t.TempDir(), "golangci.yml"), gclConfig(plugin.Names(), ""))
	r := run(t, dir, nil, custom, "run", "-c", cfg, "--path-mode=abs", "--show-stats=false", "./...")
	for _, w := range want {
		// "api/api.go:38:9: timeouts: msg" -> "api/api.go:38:9: msg (timeouts)"
		pos, rest, _ := strings.Cut(w, ": ")
		analyzer, msg, _ := strings.Cut(rest, ": ")
		printed := pos + ": " + msg + " (" + analyzer + ")"
		if analyzer == directiveAnalyzer {
			// The single plugins' shared directive analyzer, under the
			// name of one of them.
			printed = pos + ": " + plugin.SharedDirectiveAnalyzer + ": " + msg + " ("
		}
		if !strings.Contains(r.stdout, printed) {
			t.Errorf("the custom golangci-lint does not report %s\n%s\n%s", w, r.stdout, r.stderr)
		}
	}
}

var proxy struct {
	once                  sync.Once
	dir, perfvet, gclVers string
	err                   error
}

// moduleProxy serves the snapshot as a module proxy (GOPROXY=file://...):
// github.com/perfvet/perfvet, and github.com/perfvet/perfvet/cmd/perfvet-gcl
// in its release form — requiring that perfvet version, with no replace
// directive — at a pseudo-version unique to this run, so that the module
// cache never serves an older snapshot under the same version.
func moduleProxy(t *testing.T) (dir, version string) {
	t.Helper()
	src, _ := snapshotRepo(t)
	proxy.once.Do(func() {
		proxy.dir, proxy.perfvet, proxy.err = makeProxy(src)
	})
	if proxy.err != nil {
		t.Fatalf("module proxy: %v", proxy.err)
	}
	return proxy.dir, proxy.perfvet
}

func makeProxy(src string) (dir, version string, err error) {
	dir, err = os.MkdirTemp(tmpRoot, "proxy")
	if err != nil {
		return "", "", err
	}
	now := time.Now().UTC()
	sum := sha256.Sum256([]byte(now.String() + src))
	version = module.PseudoVersion("v0", "", now, hex.EncodeToString(sum[:])[:12])

	// perfvet-gcl's module in its release form, in a copy.
	gclDir, err := os.MkdirTemp(dir, "perfvet-gcl")
	if err != nil {
		return "", "", err
	}
	defer os.RemoveAll(gclDir)
	if err := os.CopyFS(gclDir, os.DirFS(filepath.Join(src, "cmd", "perfvet-gcl"))); err != nil {
		return "", "", err
	}
	gomod, err := os.ReadFile(filepath.Join(gclDir, "go.mod"))
	if err != nil {
		return "", "", err
	}
	f, err := modfile.Parse("go.mod", gomod, nil)
	if err != nil {
		return "", "", err
	}
	if err := f.DropReplace("github.com/perfvet/perfvet", ""); err != nil {
		return "", "", err
	}
	if err := f.AddRequire("github.com/perfvet/perfvet", version); err != nil {
		return "", "", err
	}
	release, err := f.Format()
	if err != nil {
		return "", "", err
	}
	if err := os.WriteFile(filepath.Join(gclDir, "go.mod"), release, 0o644); err != nil {
		return "", "", err
	}

	for _, m := range []struct{ path, dir string }{
		{"github.com/perfvet/perfvet", src},
		{"github.com/perfvet/perfvet/cmd/perfvet-gcl", gclDir},
	} {
		mv := module.Version{Path: m.path, Version: version}
		base := filepath.Join(dir, m.path, "@v")
		if err := os.MkdirAll(base, 0o755); err != nil {
			return "", "", err
		}
		var zbuf bytes.Buffer
		if err := modzip.CreateFromDir(&zbuf, mv, m.dir); err != nil {
			return "", "", err
		}
		mod, err := readZipFile(zbuf.Bytes(), mv, "go.mod")
		if err != nil {
			return "", "", err
		}
		info, _ := json.Marshal(map[string]any{"Version": version, "Time": now.Format(time.RFC3339)})
		for name, content := range map[string][]byte{
			"list":            []byte(version + "\n"),
			version + ".info": info,
			version + ".mod":  mod,
			version + ".zip":  zbuf.Bytes(),
		} {
			if err := os.WriteFile(filepath.Join(base, name), content, 0o644); err != nil {
				return "", "", err
			}
		}
	}
	return dir, version, nil
}

func readZipFile(data []byte, mv module.Version, name string) ([]byte, error) {
	zr, err := zip.NewReader(bytes.NewReader(data), int64(len(data)))
	if err != nil {
		return nil, err
	}
	f, err := zr.Open(mv.Path + "@" + mv.Version + "/" + name)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	var buf bytes.Buffer
	_, err = buf.ReadFrom(f)
	return buf.Bytes(), err
}

// proxyEnv is the go command's environment for the local proxy: perfvet's
// modules from it, everything else from the usual proxy; perfvet's are not
// in the checksum database. The modules land in the module cache, and are
// removed from it when the test ends.
func proxyEnv(t *testing.T) []string {
	t.Helper()
	dir, version := moduleProxy(t)
	upstream := strings.TrimSpace(mustRun(t, ".", nil, "go", "env", "GOPROXY"))
	if upstream == "" || upstream == "off" {
		upstream = "off"
	}
	modcache := strings.TrimSpace(mustRun(t, ".", nil, "go", "env", "GOMODCACHE"))
	t.Cleanup(func() {
		for _, p := range []string{
			filepath.Join(modcache, "github.com", "perfvet", "perfvet@"+version),
			filepath.Join(modcache, "github.com", "perfvet", "perfvet", "cmd", "perfvet-gcl@"+version),
			filepath.Join(modcache, "cache", "download", "github.com", "perfvet"),
		} {
			_ = filepath.WalkDir(p, func(path string, d fs.DirEntry, err error) error {
				if err == nil && d.IsDir() {
					_ = os.Chmod(path, 0o755)
				}
				return nil
			})
			_ = os.RemoveAll(p)
		}
		for _, empty := range []string{"perfvet/perfvet/cmd", "perfvet/perfvet", "perfvet"} {
			_ = os.Remove(filepath.Join(modcache, "github.com", empty)) // if empty
		}
	})
	return []string{
		"GOPROXY=file://" + filepath.ToSlash(dir) + "," + upstream,
		"GONOSUMDB=github.com/perfvet",
		"GOFLAGS=",
		"GOWORK=off",
	}
}

// `go install github.com/perfvet/perfvet/cmd/perfvet-gcl@version` works
// with the released go.mod.
func TestGoInstall(t *testing.T) {
	env := proxyEnv(t)
	_, version := moduleProxy(t)
	gobin := t.TempDir()
	start := time.Now()
	mustRun(t, t.TempDir(), append(env, "GOBIN="+gobin), "go", "install", "github.com/perfvet/perfvet/cmd/perfvet-gcl@"+version)
	t.Logf("go install perfvet-gcl@%s: %v", version, time.Since(start).Round(time.Second))
	out := mustRun(t, ".", nil, filepath.Join(gobin, "perfvet-gcl"), "version")
	if want := "2.15.0-perfvet-" + version; !strings.Contains(out, want) {
		t.Errorf("perfvet-gcl version = %q, want a version containing %q (it salts golangci-lint's cache)", out, want)
	}
}

// perfvet-gcl as a Go 1.24 tool dependency of a user's module: `go get
// -tool`, then `go tool perfvet-gcl run`.
func TestToolDependency(t *testing.T) {
	env := proxyEnv(t)
	_, version := moduleProxy(t)
	dir := copyE2E(t, map[string]string{".golangci.yml": gclConfig(plugin.Names(), "")})
	start := time.Now()
	mustRun(t, dir, env, "go", "get", "-tool", "github.com/perfvet/perfvet/cmd/perfvet-gcl@"+version)
	r := run(t, dir, env, "go", "tool", "perfvet-gcl", "run", "--show-stats=false", "./...")
	t.Logf("go get -tool, go tool perfvet-gcl run: %v", time.Since(start).Round(time.Second))
	if r.code != 1 || !strings.Contains(r.stdout, "ReadTimeout set (and WriteTimeout, unless a response streams) (timeouts)") {
		t.Errorf("go tool perfvet-gcl run: exit %d\n%s\n%s", r.code, r.stdout, r.stderr)
	}
	gomod, err := os.ReadFile(filepath.Join(dir, "go.mod"))
	if err != nil {
		t.Fatal(err)
	}
	if !bytes.Contains(gomod, []byte("tool github.com/perfvet/perfvet/cmd/perfvet-gcl")) {
		t.Errorf("go.mod has no tool directive:\n%s", gomod)
	}
}

const (
	hookedBad = `package main

import "net/http"

func main() {
	resp, err := http.Get("http://example.com/")
	if err == nil {
		_ = resp.Body.Close()
	}
}
`
	hookedGood = `package main

import (
	"net/http"
	"time"
)

func main() {
	client := &http.Client{Timeout: 10 * time.Second}
	resp, err := client.Get("http://example.com/")
	if err == nil {
		_ = resp.Body.Close()
	}
}
`
)

// Debian's pre-commit installs the hooks and runs them on a repository
// that uses them: they fail on findings and pass on clean code. Remote:
// the hooks of .pre-commit-hooks.yaml, from a clone of the repository.
// Local (repo: local, the README's recipe for hosts that cannot reach the
// repository): hooks installed with `go install pkg@version` from the
// module proxy.
func TestPreCommit(t *testing.T) {
	need(t, "git", "pre-commit")
	hooks, rev := snapshotRepo(t)
	modcache := strings.TrimSpace(mustRun(t, ".", nil, "go", "env", "GOMODCACHE"))
	// pre-commit sets GOPATH to the hook's environment, which would move
	// the module cache there (and download every module again).
	env := []string{"GOMODCACHE=" + modcache}

	t.Run("remote", func(t *testing.T) {
		preCommit(t, env, fmt.Sprintf(`repos:
  - repo: %s
    rev: %s
    hooks:
      - id: perfvet
      - id: perfvet-gcl
`, hooks, rev))
	})
	t.Run("local", func(t *testing.T) {
		_, version := moduleProxy(t)
		preCommit(t, append(env, proxyEnv(t)...), fmt.Sprintf(`repos:
  - repo: local
    hooks:
      - id: perfvet
        name: perfvet
        entry: perfvet
        args: ["./..."]
        language: golang
        additional_dependencies: [github.com/perfvet/perfvet/cmd/perfvet@%[1]s]
        types: [go]
        pass_filenames: false
      - id: perfvet-gcl
        name: perfvet-gcl
        entry: perfvet-gcl run
        language: golang
        additional_dependencies: [github.com/perfvet/perfvet/cmd/perfvet-gcl@%[1]s]
        types: [go]
        pass_filenames: false
`, version))
	})
}

func preCommit(t *testing.T, env []string, config string) {
	t.Helper()
	dir := t.TempDir()
	writeFile(t, filepath.Join(dir, "go.mod"), "module example.com/hooked\n\ngo 1.26.0\n")
	writeFile(t, filepath.Join(dir, "main.go"), hookedBad)
	writeFile(t, filepath.Join(dir, ".golangci.yml"), gclConfig([]string{"timeouts"}, ""))
	writeFile(t, filepath.Join(dir, ".pre-commit-config.yaml"), config)
	mustRun(t, dir, nil, "git", "init", "-q", "-b", "main")
	mustRun(t, dir, nil, "git", "add", "-A")
	env = append(env, "PRE_COMMIT_HOME="+t.TempDir())

	start := time.Now()
	r := run(t, dir, env, "pre-commit", "run", "--all-files")
	t.Logf("pre-commit run (installs both hooks): %v", time.Since(start).Round(time.Second))
	if r.code != 1 {
		t.Fatalf("pre-commit on a finding: exit %d, want 1\n%s\n%s", r.code, r.stdout, r.stderr)
	}
	for _, want := range []string{
		"- hook id: perfvet\n",
		"main.go:6:15: http.Get sends the request through http.DefaultClient, which has no timeout",
		"- hook id: perfvet-gcl\n",
		"use an http.Client with Timeout set (the plan allows 30s) (timeouts)",
	} {
		if !strings.Contains(r.stdout, want) {
			t.Errorf("pre-commit output lacks %q:\n%s", want, r.stdout)
		}
	}
	if strings.Count(r.stdout, "Failed") != 2 {
		t.Errorf("want both hooks to fail:\n%s", r.stdout)
	}

	writeFile(t, filepath.Join(dir, "main.go"), hookedGood)
	mustRun(t, dir, nil, "git", "add", "-A")
	r = run(t, dir, env, "pre-commit", "run", "--all-files")
	if r.code != 0 || strings.Count(r.stdout, "Passed") != 2 {
		t.Errorf("pre-commit on clean code: exit %d, want 0 and both hooks passed\n%s\n%s", r.code, r.stdout, r.stderr)
	}
}

// The GitHub Action's run step (action.yml, .github/perfvet-action.sh):
// findings leave the step green with exit-code=1 and a valid SARIF log to
// upload; an invalid plan fails it.
func TestGitHubAction(t *testing.T) {
	if _, err := exec.LookPath("bash"); err != nil {
		t.Skip("bash is not installed")
	}
	action, err := os.ReadFile(filepath.Join(repoRoot, "action.yml"))
	if err != nil {
		t.Fatal(err)
	}
	var spec struct {
		Inputs map[string]struct{ Default string }
		Runs   struct {
			Using string
			Steps []struct {
				ID, Run, Uses string
				Env           map[string]string
			}
		}
	}
	if err := yaml.Unmarshal(action, &spec); err != nil {
		t.Fatalf("action.yml: %v", err)
	}
	if spec.Runs.Using != "composite" || len(spec.Runs.Steps) < 3 {
		t.Fatalf("action.yml: want a composite action with build, run and upload steps: %+v", spec.Runs)
	}
	for _, step := range spec.Runs.Steps {
		for _, v := range step.Env {
			for _, m := range regexp.MustCompile(`inputs\.([\w-]+)`).FindAllStringSubmatch(v, -1) {
				if _, ok := spec.Inputs[m[1]]; !ok {
					t.Errorf("action.yml uses undeclared input %s", m[1])
				}
			}
		}
	}
	script := filepath.Join(repoRoot, ".github", "perfvet-action.sh")
	dir := copyE2E(t, nil)
	outputs := filepath.Join(t.TempDir(), "outputs")
	env := make([]string, 0, 7)
	env = append(env, "PERFVET="+perfvetBin, "PACKAGES=./api ./suppress", "SARIF_FILE=out/perfvet.sarif", "GITHUB_OUTPUT="+outputs, "ARGS=-tags=x")
	if err := os.MkdirAll(filepath.Join(dir, "out"), 0o755); err != nil {
		t.Fatal(err)
	}
	r := run(t, dir, env, "bash", script)
	if r.code != 0 || !strings.Contains(r.stdout, "serves with no read or write timeouts") {
		t.Fatalf("action step on findings: exit %d, want 0 with the findings printed\n%s\n%s", r.code, r.stdout, r.stderr)
	}
	got, err := os.ReadFile(outputs)
	if err != nil {
		t.Fatal(err)
	}
	sarif := filepath.Join(dir, "out", "perfvet.sarif")
	if want := "exit-code=1\nsarif-file=" + sarif + "\n"; string(got) != want {
		t.Errorf("step outputs %q, want %q", got, want)
	}
	data, err := os.ReadFile(sarif)
	if err != nil {
		t.Fatal(err)
	}
	if err := sarifschema.Validate(data); err != nil {
		t.Errorf("the action's SARIF log is invalid: %v", err)
	}

	writeFile(t, filepath.Join(dir, "bad.yaml"), "limits: {request_timeout: 30}\n")
	r = run(t, dir, append(env, "PLAN=bad.yaml", "GITHUB_OUTPUT="+outputs+"2"), "bash", script)
	if r.code != 2 || !strings.Contains(r.stderr, "malformed duration") {
		t.Errorf("action step with an invalid plan: exit %d, want 2\n%s", r.code, r.stderr)
	}
}
