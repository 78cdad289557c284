package limits_test

import (
	"fmt"
	"regexp"
	"sort"
	"strconv"
	"strings"
	"testing"

	"golang.org/x/tools/go/analysis/analysistest"
	"golang.org/x/tools/go/packages"

	"github.com/perfvet/perfvet/analyzers/internal/analyzertest"
	"github.com/perfvet/perfvet/analyzers/limits"
	"github.com/perfvet/perfvet/analyzers/plan"
)

// TestRealLibraries runs the analyzer on programs written against the real
// libraries (net/http, gin, echo, database/sql, sqlx, pgx v5, go-redis
// v9): each positive case has its twin, and each program is seen whole in
// its main package.
func TestRealLibraries(t *testing.T) {
	a := limits.New(limits.Config{Plans: plan.Static(writtenPlan(t))})
	analyzertest.Run(t, analyzertest.Module(t), a,
		"./limits/nethttp", "./limits/few", "./limits/globalmw", "./limits/pkgzrest", "./limits/ginapp", "./limits/echoapp", "./limits/echolimited",
		"./limits/pools", "./limits/poolsok", "./limits/cli", "./limits/beegoapp", "./limits/beegodefault", "./limits/outbound", "./limits/outbound/sign",
		"./limits/loopback", "./limits/loopback/public", "./limits/perroute", "./limits/perroutehelper", "./limits/ginsize", "./limits/gormconn", "./limits/copyfile")
}

// TestSQLiteVariable: a pool opened through a variable that a SQLite
// driver is registered under is a file database (the driver is a stub of
// github.com/mattn/go-sqlite3, a cgo package kept out of realibs).
func TestSQLiteVariable(t *testing.T) {
	a := limits.New(defaultConfig())
	analyzertest.Run(t, analysistest.TestData(), a, "sqlitevar")
}

// TestPoolMessages: a pool bounded in size and not in lifetime, and the
// other way round, gets a finding that names what is missing and what it
// costs, not both; the pools a switch opens in its cases, one per driver,
// get one.
func TestPoolMessages(t *testing.T) {
	a := limits.New(defaultConfig())
	analyzertest.Run(t, analysistest.TestData(), a, "poollifetime", "poolmaxopen", "pooldrivers", "poolvar", "sqlitehelper", "sqlitehelpertwin", "oneoffstore", "sqliteonly", "sqliteonlytwin", "sqliteplan")
}

// TestSetupWizard: a handler that shuts its server down serves a one-off
// setup wizard (serverrole.Setup), whose body reads are not reported; its
// twin's are, and a mock server under devtools/ is development tooling.
func TestSetupWizard(t *testing.T) {
	a := limits.New(defaultConfig())
	analyzertest.Run(t, analysistest.TestData(), a, "setupwizard", "setupwizardtwin", "devtools/mockslack")
}

// TestOwnLimiter: a limiter of the program's own (checks ContentLength,
// wraps the body) bounds every route; its twin only counts the body.
func TestOwnLimiter(t *testing.T) {
	a := limits.New(defaultConfig())
	analyzertest.Run(t, analysistest.TestData(), a, "ownlimiter", "ownwrapper")
}

// TestAcrossPackages checks a program whose handlers, pool and server are
// in three packages: the reads and the open are reported by the main
// package, at their own positions in the other packages. analysistest
// reads the expectations of a package's own files only, so this test
// matches every diagnostic of the run with every // want of the program.
func TestAcrossPackages(t *testing.T) {
	checkProgram(t, "./limits/split/...", 2)
}

// TestAcrossPackagesFew: two unlimited reads in two packages are one
// finding, at the first read, with the other related (answer's two gin
// binders, semaphore's three reads: one cause each, judged so).
func TestAcrossPackagesFew(t *testing.T) {
	checkProgram(t, "./limits/splitfew/...", 1)
}

// TestAcrossPackagesGrouped: more than three unlimited reads in a program
// whose server starts in a package that does not see them are one finding,
// at the main package's call of that package (gotify: 14 reads, 14
// findings before).
func TestAcrossPackagesGrouped(t *testing.T) {
	checkProgram(t, "./limits/splitmany/...", 1)
}

// TestAcrossPackagesNoStart: reads of a program whose server start is not
// seen (a main that does not type-check: navidrome without its build
// tags) are one finding, at the first read.
func TestAcrossPackagesNoStart(t *testing.T) {
	checkProgram(t, "./limits/splitnostart/...", 1)
}

// TestPoolConstructors: the opens of two drivers' constructors that a
// switch's cases call are one pool, one finding (athens' getIndex); the
// twin opens both, two findings.
func TestPoolConstructors(t *testing.T) {
	checkProgram(t, "./limits/poolctors/...", 1)
	checkProgram(t, "./limits/bothindex/...", 2)
}

// TestKeepAlive checks the transports built on every call, one of them by
// a constructor of another package (reported where it is built, by the
// main package), and a single-host proxy's transport, with their twins.
func TestKeepAlive(t *testing.T) {
	checkProgram(t, "./limits/keepalive/...", 10)
}

// TestStartupOnly: a transport built on every call of a function that
// the program runs once, as it starts (from main, through a server's
// set-up and a store's constructor in three packages), is not reported;
// its twins, called per request and per tick of a loop, are.
func TestStartupOnly(t *testing.T) {
	checkProgram(t, "./limits/startup/...", 2)
}

// checkProgram runs the analyzer on a program of several packages and
// matches every diagnostic of the run with every // want of the program,
// of which there must be nwant.
func checkProgram(t *testing.T, pattern string, nwant int) {
	t.Helper()
	checkPackages(t, nwant, pattern)
}

// checkPackages is checkProgram for several patterns: the packages they
// match are analysed, with their dependencies, and every diagnostic of
// the run must match a // want of theirs.
func checkPackages(t *testing.T, nwant int, patterns ...string) {
	t.Helper()
	a := limits.New(defaultConfig())
	pkgs, graph := analyzertest.Program(t, analyzertest.Module(t), a, patterns...)
	var got []string
	for act := range graph.All() {
		if act.Err != nil {
			t.Errorf("%v: %v", act, act.Err)
		}
		if act.Analyzer != a {
			continue
		}
		for _, d := range act.Diagnostics {
			p := act.Package.Fset.Position(d.Pos)
			got = append(got, fmt.Sprintf("%s:%d: %s", base(p.Filename), p.Line, d.Message))
		}
	}
	sort.Strings(got)
	want := wants(pkgs)
	if len(want) != nwant {
		t.Fatalf("the fixture has %d expectations, want %d", len(want), nwant)
	}
	for _, w := range want {
		n := 0
		for _, g := range got {
			if strings.HasPrefix(g, w.at+": ") && w.re.MatchString(strings.TrimPrefix(g, w.at+": ")) {
				n++
			}
		}
		if n != 1 {
			t.Errorf("%s: %d diagnostics match %q, want exactly 1", w.at, n, w.re)
		}
	}
	if len(got) != len(want) {
		t.Errorf("got %d diagnostics, want %d:\n%s", len(got), len(want), strings.Join(got, "\n"))
	}
}

type expectation struct {
	at string // file:line
	re *regexp.Regexp
}

var wantRE = regexp.MustCompile("// want `([^`]*)`")

func wants(pkgs []*packages.Package) []expectation {
	var out []expectation
	for _, p := range pkgs {
		for _, f := range p.Syntax {
			for _, cg := range f.Comments {
				for _, c := range cg.List {
					if m := wantRE.FindStringSubmatch(c.Text); m != nil {
						pos := p.Fset.Position(c.Pos())
						out = append(out, expectation{base(pos.Filename) + ":" + strconv.Itoa(pos.Line), regexp.MustCompile(m[1])})
					}
				}
			}
		}
	}
	return out
}

func base(file string) string { return file[strings.LastIndex(file, "/")+1:] }

// TestPerSite: with -persite each unlimited read is its own finding, at
// its own position (the default is one finding for the program's three).
func TestPerSite(t *testing.T) {
	cfg := defaultConfig()
	cfg.PerSite = true
	analyzertest.Run(t, analysistest.TestData(), limits.New(cfg), "persite")
}

// TestBodyFixes: the body limit inserted at the handler's first statement
// (once for all its reads; max_upload_size where it parses a multipart
// form), and no fix where the function has no ResponseWriter or reads a
// request that is not its parameter.
func TestBodyFixes(t *testing.T) {
	a := limits.New(defaultConfig())
	for _, pkg := range []string{"bodyfixes", "bodynofix"} {
		analyzertest.RunWithFixes(t, analysistest.TestData(), a, pkg)
	}
}

// writtenPlan is a plan file that writes the default's limits and pool
// numbers: values above them are the team's own limits, and reported.
func writtenPlan(t *testing.T) *plan.Plan {
	t.Helper()
	return analyzertest.WrittenPlan(t, "limits: {max_body_size: 10MB, max_upload_size: 100MB}\npool: {max_open: 100, max_idle: 100, conn_max_lifetime: 1h, conn_max_idle_time: 30m}\n")
}

// defaultConfig holds the analyzer to the embedded default plan.
func defaultConfig() limits.Config {
	return limits.Config{Plans: analyzertest.DefaultPlan()}
}

// TestDefaultPlanAbove runs the fixtures whose limits are above the plan
// with the embedded default plan, which the team did not write: a limit
// above it is a deliberate choice and is not reported (the twin of
// TestRealLibraries' plan findings); the zeros that mean "unlimited" still
// are.
func TestDefaultPlanAbove(t *testing.T) {
	a := limits.New(defaultConfig())
	_, graph := analyzertest.Program(t, analyzertest.Module(t), a, "./limits/nethttp", "./limits/echolimited", "./limits/pools", "./limits/poolsok", "./limits/beegoapp", "./limits/beegodefault")
	unlimited := 0
	for act := range graph.All() {
		if act.Analyzer != a {
			continue
		}
		for _, d := range act.Diagnostics {
			if d.Category != limits.CategoryPlan {
				continue
			}
			if strings.Contains(d.Message, "is above the plan") {
				t.Errorf("%v: reported against the default plan: %s", act.Package.Fset.Position(d.Pos), d.Message)
			} else {
				unlimited++
			}
		}
	}
	if unlimited != 2 {
		t.Errorf("%d findings for SetMaxOpenConns(0) and SetConnMaxLifetime(0), want 2", unlimited)
	}
}
