package main_test

import (
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"
)

// rulesPlan is a service's plan before and after the change the test
// commits: p95 tightened from 500ms to 300ms, which changes the generated
// latency alert.
const (
	rulesPlanBefore = "version: 1\nslo:\n  latency: {p50: 100ms, p95: 500ms, p99: 1s}\n"
	rulesPlanAfter  = "version: 1\nslo:\n  latency: {p50: 100ms, p95: 300ms, p99: 1s}\n"
	rulesFile       = "ops/perfvet-rules.yml"
)

// TestPreCommitRulesHook installs the perfvet-rules hook of
// .pre-commit-hooks.yaml (from a clone of the repository) as a git
// pre-commit hook, with the README's args, and commits to a service that
// keeps generated alert rules next to its plan: the first commit passes; a
// commit that changes the plan but not the rules file is refused, saying
// how to regenerate it; once regenerated, the commit passes; a commit
// that touches neither the plan nor a YAML file skips the hook.
func TestPreCommitRulesHook(t *testing.T) {
	need(t, "git", "pre-commit")
	hooks, rev := snapshotRepo(t)
	modcache := strings.TrimSpace(mustRun(t, ".", nil, "go", "env", "GOMODCACHE"))
	env := []string{
		// pre-commit sets GOPATH to the hook's environment, which would
		// move the module cache there (and download every module again).
		"GOMODCACHE=" + modcache,
		"PRE_COMMIT_HOME=" + t.TempDir(),
		"GIT_AUTHOR_NAME=perfvet-test", "GIT_AUTHOR_EMAIL=test@localhost",
		"GIT_COMMITTER_NAME=perfvet-test", "GIT_COMMITTER_EMAIL=test@localhost",
	}
	dir := t.TempDir()
	writeFile(t, filepath.Join(dir, "go.mod"), "module example.com/hooked\n\ngo 1.26.0\n")
	writeFile(t, filepath.Join(dir, "main.go"), hookedGood)
	writeFile(t, filepath.Join(dir, "perfplan.yaml"), rulesPlanBefore)
	writeFile(t, filepath.Join(dir, ".pre-commit-config.yaml"), fmt.Sprintf(`repos:
  - repo: %s
    rev: %s
    hooks:
      - id: perfvet-rules
        args: [-format, prometheus, -check, %s]
`, hooks, rev, rulesFile))
	if err := os.MkdirAll(filepath.Join(dir, "ops"), 0o755); err != nil {
		t.Fatal(err)
	}
	regenerate := func() {
		t.Helper()
		mustRun(t, dir, nil, perfvetBin, "plan", "export", "-format", "prometheus", "-o", rulesFile)
	}
	regenerate()
	before, err := os.ReadFile(filepath.Join(dir, rulesFile))
	if err != nil {
		t.Fatal(err)
	}
	mustRun(t, dir, env, "git", "init", "-q", "-b", "main")
	mustRun(t, dir, env, "git", "config", "commit.gpgsign", "false")
	mustRun(t, dir, env, "pre-commit", "install")
	commit := func(msg string) result {
		t.Helper()
		mustRun(t, dir, env, "git", "add", "-A")
		return run(t, dir, env, "git", "commit", "-q", "-m", msg)
	}
	commits := func() string {
		t.Helper()
		return strings.TrimSpace(mustRun(t, dir, env, "git", "rev-list", "--count", "HEAD"))
	}

	start := time.Now()
	r := commit("plan and rules")
	t.Logf("first commit (installs the hook): %v", time.Since(start).Round(time.Second))
	if r.code != 0 || !strings.Contains(r.stdout+r.stderr, "Passed") {
		t.Fatalf("commit of a plan with its rules: exit %d, want 0 and the hook passed\n%s\n%s", r.code, r.stdout, r.stderr)
	}

	writeFile(t, filepath.Join(dir, "perfplan.yaml"), rulesPlanAfter)
	r = commit("tighten p95")
	out := r.stdout + r.stderr
	if r.code == 0 {
		t.Fatalf("commit of a plan change without its rules passed:\n%s", out)
	}
	for _, want := range []string{
		"- hook id: perfvet-rules",
		"Failed",
		rulesFile + " is out of date with ",
		"perfplan.yaml; regenerate it with: perfvet plan export -format prometheus -o " + rulesFile,
	} {
		if !strings.Contains(out, want) {
			t.Errorf("refused commit's output lacks %q:\n%s", want, out)
		}
	}
	if n := commits(); n != "1" {
		t.Errorf("the refused commit was made: %s commits", n)
	}

	regenerate()
	after, err := os.ReadFile(filepath.Join(dir, rulesFile))
	if err != nil {
		t.Fatal(err)
	}
	if string(after) == string(before) {
		t.Fatalf("the plan change did not change the rules: the test would pass for nothing")
	}
	r = commit("tighten p95, rules regenerated")
	if r.code != 0 || !strings.Contains(r.stdout+r.stderr, "Passed") {
		t.Errorf("commit with regenerated rules: exit %d, want 0 and the hook passed\n%s\n%s", r.code, r.stdout, r.stderr)
	}

	writeFile(t, filepath.Join(dir, "main.go"), hookedGood+"\n// a change to Go code only\n")
	r = commit("code only")
	if r.code != 0 || !strings.Contains(r.stdout+r.stderr, "Skipped") {
		t.Errorf("commit of Go code only: exit %d, want 0 and the hook skipped (files: plan and YAML)\n%s\n%s", r.code, r.stdout, r.stderr)
	}
	if n := commits(); n != "3" {
		t.Errorf("want 3 commits, got %s", n)
	}
}
