package lsp_test

import (
	"context"
	"errors"
	"os"
	"os/exec"
	"path/filepath"
	"slices"
	"testing"
	"time"

	"github.com/perfvet/perfvet/analyzers"
)

// TestNeovim drives a real editor's LSP client, Neovim's built-in one, in
// headless mode against `perfvet lsp` on testdata/lsp: it opens a file,
// waits for the diagnostics (and the N+1 one once nplusone is in the
// suite), applies two quick fixes through vim.lsp.buf.code_action, sees
// the diagnostics go away and saves (testdata/nvim.lua).
func TestNeovim(t *testing.T) {
	nvim, err := exec.LookPath("nvim")
	if err != nil {
		t.Skip("nvim is not installed (apt-get install neovim); the Neovim client test needs it")
	}
	if testing.Short() {
		t.Skip("-short")
	}
	tmp := t.TempDir()
	bin := filepath.Join(tmp, "perfvet")
	build := exec.Command("go", "build", "-o", bin, "../../cmd/perfvet")
	if out, err := build.CombinedOutput(); err != nil {
		t.Fatalf("building perfvet: %v\n%s", err, out)
	}
	script, err := filepath.Abs(filepath.Join("testdata", "nvim.lua"))
	if err != nil {
		t.Fatal(err)
	}
	dir := fixture(t)
	result := filepath.Join(tmp, "result.txt")
	serverLog := filepath.Join(tmp, "server.log")

	expectN1 := "0"
	for _, a := range analyzers.Suite(analyzers.Config{}) {
		if a.Name == "nplusone" {
			expectN1 = "1"
		}
	}

	ctx, cancel := context.WithTimeout(context.Background(), 5*time.Minute)
	defer cancel()
	cmd := exec.CommandContext(ctx, nvim, "--headless", "--clean", "-n", "-c", "luafile "+script)
	cmd.Dir = dir
	cmd.Env = append(slices.Clone(testEnv),
		"PERFVET_BIN="+bin, "FIXTURE="+dir, "RESULT="+result, "PERFVET_LOG="+serverLog, "EXPECT_NPLUSONE="+expectN1,
		"XDG_CONFIG_HOME="+filepath.Join(tmp, "config"), "XDG_DATA_HOME="+filepath.Join(tmp, "data"),
		"XDG_STATE_HOME="+filepath.Join(tmp, "state"), "XDG_CACHE_HOME="+filepath.Join(tmp, "cache"))
	out, err := cmd.CombinedOutput()
	transcript, _ := os.ReadFile(result)
	t.Logf("nvim transcript:\n%s", transcript)
	var exit *exec.ExitError
	if err != nil || len(transcript) == 0 {
		logData, _ := os.ReadFile(serverLog)
		switch {
		case errors.As(err, &exit):
			t.Errorf("nvim exited with %d", exit.ExitCode())
		case err != nil:
			t.Errorf("running nvim: %v", err)
		default:
			t.Errorf("nvim wrote no transcript")
		}
		t.Logf("nvim output:\n%s\nserver log:\n%s", out, logData)
	}
	if expectN1 == "0" {
		t.Log("the suite has no nplusone analyzer yet: the N+1 step was skipped")
	}
}
