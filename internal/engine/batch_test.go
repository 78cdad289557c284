package engine_test

import (
	"bytes"
	"testing"

	"golang.org/x/tools/go/packages"

	"github.com/perfvet/perfvet/analyzers"
	"github.com/perfvet/perfvet/analyzers/plan"
	"github.com/perfvet/perfvet/internal/driver"
	"github.com/perfvet/perfvet/internal/engine"
)

// Run, the streaming batch engine of the command, prints exactly what
// go/packages with go/analysis/checker print: findings, errors (a module
// that does not type-check included), incomplete packages and JSON.
func TestRunSameAsChecker(t *testing.T) {
	t.Parallel()
	for _, name := range []string{"e2e", "e2e-broken", "demo"} {
		t.Run(name, func(t *testing.T) {
			t.Parallel()
			dir := fixture(t, name)

			finder := plan.NewFinder("")
			suite := analyzers.Suite(analyzers.Config{Plans: finder})
			opts := driver.Options{Dir: dir, Env: testEnv}
			pkgs, err := driver.Load(opts)
			if err != nil {
				t.Fatal(err)
			}
			want, err := driver.Analyze(suite, pkgs, opts)
			if err != nil {
				t.Fatal(err)
			}

			var sawRoots int
			got, err := engine.Run(engine.Options{Dir: dir, Env: testEnv, Analyzers: analyzers.Suite(analyzers.Config{Plans: plan.NewFinder("")})},
				func(roots []*packages.Package) error {
					sawRoots = len(roots)
					return nil
				})
			if err != nil {
				t.Fatal(err)
			}
			if sawRoots != len(pkgs) {
				t.Errorf("onLoad saw %d root packages, the driver loaded %d", sawRoots, len(pkgs))
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
