package engine_test

import (
	"bytes"
	"testing"

	"github.com/perfvet/perfvet/internal/driver"
)

// Run, the streaming batch engine of the command, prints exactly what
// go/packages with go/analysis/checker print: findings, errors (a module
// that does not type-check included), incomplete packages and JSON.
func TestRunSameAsChecker(t *testing.T) {
	t.Parallel()
	for _, name := range []string{"e2e", "e2e-broken", "demo"} {
		t.Run(name, func(t *testing.T) {
			t.Parallel()
			// Both runs are shared with the other tests (checkerRun,
			// batchRun): the checker's is what the command's driver
			// finds (TestSameAsCommand), the engine's is the run without
			// a cache (TestCacheSameOutput, ...).
			dir, checker := checkerRun(t, name)
			_, batch := batchRun(t, name)
			want, got := checker.res, batch.res
			if batch.roots != checker.roots {
				t.Errorf("onLoad saw %d root packages, the driver loaded %d", batch.roots, checker.roots)
			}
			if len(want.Findings)+len(want.Errors) == 0 {
				t.Fatal("the checker found nothing: the comparison would prove nothing")
			}
			for _, out := range []struct {
				name  string
				write func(*driver.Result, *bytes.Buffer)
			}{
				{"text", func(r *driver.Result, b *bytes.Buffer) { r.WriteText(b, dir) }},
				{"errors", func(r *driver.Result, b *bytes.Buffer) { r.WriteErrors(b, dir) }},
				{"json", func(r *driver.Result, b *bytes.Buffer) {
					if err := r.WriteJSON(b); err != nil {
						t.Fatal(err)
					}
				}},
			} {
				var w, g bytes.Buffer
				out.write(want, &w)
				out.write(got, &g)
				if !bytes.Equal(w.Bytes(), g.Bytes()) {
					t.Errorf("%s output differs:\nstreaming:\n%s\nchecker:\n%s", out.name, g.String(), w.String())
				}
			}
			if got.ExitCode() != want.ExitCode() {
				t.Errorf("exit code %d, checker %d", got.ExitCode(), want.ExitCode())
			}
		})
	}
}
