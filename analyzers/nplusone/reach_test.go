package nplusone_test

import (
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"

	"golang.org/x/tools/go/analysis/analysistest"

	"github.com/perfvet/perfvet/analyzers/internal/analyzertest"
	"github.com/perfvet/perfvet/analyzers/nplusone"
)

// TestWholeProgram checks the findings deferred to the package that sees
// both the calls through an interface and its implementations: the
// handler's findings are reported by main, at the handler's calls.
// analysistest checks each package's findings against that package's own
// files, so this test matches the // want comments of every file of the
// fixture against the findings of every package.
func TestWholeProgram(t *testing.T) {
	analyzertest.WholeProgram(t, nplusone.New(defaultConfig()), "reach/cmd/server")
}

// TestWholeProgramOnePerLoop checks that the calls of one loop that the
// program resolves are one finding (the default, not -each).
func TestWholeProgramOnePerLoop(t *testing.T) {
	cfg := defaultConfig()
	cfg.Each = false
	analyzertest.WholeProgram(t, nplusone.New(cfg), "reachone/cmd/server")
}

// TestWholeProgramChain: a chain through a data store's accessor
// (m.DS.Items(ctx).GetByName(name)) in a loop, resolved by a package that
// wires the store (wiring), is reported at the chain naming the
// repository's read (the outer call, not the accessor's lazy init), and
// the command that imports the wiring reports it again: asked about the
// command alone, a driver shows it (navidrome-matcher-n1 of
// bench/realworld/fixes.tsv).
func TestWholeProgramChain(t *testing.T) {
	cfg := defaultConfig()
	cfg.Each = false // the analyzer's default: one finding per loop
	analyzertest.RootsOnly(t, nplusone.New(cfg), "reachchain/cmd/server")
	analyzertest.WholeProgram(t, nplusone.New(cfg), "reachchain/cmd/server")
}

// TestJobEntries checks the loops of exported functions that their own
// (internal) package does not use: each user of the function says
// whether it runs it per request. Used only by a cron job (a literal, or
// the function handed to the scheduler) is silent, and so is a loop whose
// interface call main resolves (Notify); used by a handler too, reached
// through an interface a handler converts the service to, called by func
// main, or converted by its own package to an interface that has it
// (Scrub), stays reported; used by no package (dead code) is silent;
// called in its own package, reported there as before; a package that is
// not internal (export) reports its own loops, whoever calls them, unless
// its own package uses the function only off the request path (validate:
// what only its cobra command calls is silent, what a handler calls too is
// reported).
func TestJobEntries(t *testing.T) {
	cfg := defaultConfig()
	cfg.Each = false
	cfg.WholeProgram = true
	analyzertest.WholeProgram(t, nplusone.New(cfg), "jobentry/cmd/server")
}

// TestJobEntriesBackground: with -background the loops of jobs are
// reported, those of functions other packages run as jobs too.
func TestJobEntriesBackground(t *testing.T) {
	cfg := defaultConfig()
	cfg.Each = false
	cfg.Background = true
	cfg.WholeProgram = true
	allJobLoopsReported(t, cfg, "with -background")
}

// TestJobEntriesPerPackage: a driver that analyses each package in its
// own process (go vet, nogo) holds nothing back: no importer could report
// in the loop's file, so every loop is reported where it is, as before.
func TestJobEntriesPerPackage(t *testing.T) {
	cfg := defaultConfig()
	cfg.Each = false
	allJobLoopsReported(t, cfg, "per package (WholeProgram false)")
}

// TestJobEntriesNotImported: in a run where no package imports the
// internal package (perfvet ./internal/files), no user is there to decide
// on its held findings: every loop is reported where it is.
func TestJobEntriesNotImported(t *testing.T) {
	cfg := defaultConfig()
	cfg.Each = false
	cfg.WholeProgram = true
	cfg.Imported = func(path string) bool { return path != "jobentry/internal/files" }
	allJobLoopsReported(t, cfg, "with no importer in the run")
}

// allJobLoopsReported checks that every loop of jobentry's files.go is
// reported under cfg.
func allJobLoopsReported(t *testing.T, cfg nplusone.Config, how string) {
	t.Helper()
	testdata := analysistest.TestData()
	a := nplusone.New(cfg)
	_, graph := analyzertest.Program(t, testdata, a, "jobentry/cmd/server")
	lines := make(map[int]bool)
	for act := range graph.All() {
		if act.Analyzer != a {
			continue
		}
		for _, d := range act.Diagnostics {
			if posn := act.Package.Fset.Position(d.Pos); strings.HasSuffix(posn.Filename, "jobentry/internal/files/files.go") {
				lines[posn.Line] = true
			}
		}
	}
	// Every loop of files.go: the calls written "_ = db.QueryRowContext"
	// or "_, _ = s.Users.Name" (CleanOrphans, Compact and Notify among
	// them, silent by default in a whole program).
	src, err := os.ReadFile(filepath.Join(testdata, "src", "jobentry", "internal", "files", "files.go"))
	if err != nil {
		t.Fatal(err)
	}
	n := 0
	for i, line := range strings.Split(string(src), "\n") {
		line = strings.TrimSpace(line)
		if strings.HasPrefix(line, "_ = db.QueryRowContext") || strings.HasPrefix(line, "_, _ = s.Users.Name") {
			n++
			if !lines[i+1] {
				t.Errorf("files.go:%d: not reported %s", i+1, how)
			}
		}
	}
	if n != 12 {
		t.Errorf("files.go has %d loops, want 12", n)
	}
}

// TestWholeProgramBulk: with writes off (the default), a loop whose call
// reaches, through an interface main resolves, a method every
// implementation of which writes is a bulk write and is not reported;
// a method that writes in one implementation only is no such evidence.
func TestWholeProgramBulk(t *testing.T) {
	cfg := defaultConfig()
	cfg.Writes, cfg.Each = false, false
	analyzertest.WholeProgram(t, nplusone.New(cfg), "reachbulk/cmd/server")
}

// TestHandedIn checks loops over lists exported functions are handed:
// reported when some caller in the program hands a page (through a
// service that hands its own list on, or to a helper of the function),
// silent when the callers hand request ids, every row of a read with no
// page, or nothing at all; reported where they are when callers may be
// unseen (a method converted to an interface, a function used as a
// value).
func TestHandedIn(t *testing.T) {
	cfg := defaultConfig()
	cfg.Each = false
	cfg.Unpaged = false
	cfg.WholeProgram = true
	analyzertest.WholeProgram(t, nplusone.New(cfg), "handedin/cmd/server")
}

// TestPluginAPI checks the methods a program converts to interfaces of
// its own module: those no package of the program invokes (the core's
// side of a plugin API, which plugins of other modules call) are no
// request's work, and their loops are silent, with those of helpers that
// they alone hand a list; a method of an interface the handlers invoke,
// and one of an interface of the standard library, are reported, and so
// is the helper of a used function, while that of a dead one is silent.
func TestPluginAPI(t *testing.T) {
	cfg := defaultConfig()
	cfg.Each = false
	cfg.WholeProgram = true
	analyzertest.WholeProgramModule(t, filepath.Join(analysistest.TestData(), "pluginapi"), nplusone.New(cfg), "example.com/pluginapi/cmd/server")
}

// TestPluginAPIPerPackage: a driver that analyses each package on its
// own (go vet) sees no invocation of the program's, and holds nothing
// back: every loop of the fixture is reported where it is.
func TestPluginAPIPerPackage(t *testing.T) {
	cfg := defaultConfig()
	cfg.Each = false
	dir := filepath.Join(analysistest.TestData(), "pluginapi")
	a := nplusone.New(cfg)
	_, graph := analyzertest.Program(t, dir, a, "example.com/pluginapi/cmd/server")
	got := make(map[string]bool)
	for act := range graph.All() {
		if act.Analyzer != a {
			continue
		}
		for _, d := range act.Diagnostics {
			posn := act.Package.Fset.Position(d.Pos)
			got[filepath.Base(posn.Filename)+":"+strconv.Itoa(posn.Line)] = true
		}
	}
	// Every loop's query: the lines that call QueryRowContext.
	n := 0
	for _, file := range []string{"internal/syncer/syncer.go", "internal/export/export.go"} {
		src, err := os.ReadFile(filepath.Join(dir, file))
		if err != nil {
			t.Fatal(err)
		}
		for i, line := range strings.Split(string(src), "\n") {
			if strings.Contains(line, ".QueryRowContext(") {
				n++
				if want := filepath.Base(file) + ":" + strconv.Itoa(i+1); !got[want] {
					t.Errorf("%s: not reported per package", want)
				}
			}
		}
	}
	if n != 5 {
		t.Errorf("%d loops with a query, want 5", n)
	}
}
