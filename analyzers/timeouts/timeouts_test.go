package timeouts_test

import (
	"fmt"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"golang.org/x/tools/go/analysis/analysistest"

	"github.com/perfvet/perfvet/analyzers/internal/analyzertest"
	"github.com/perfvet/perfvet/analyzers/plan"
	"github.com/perfvet/perfvet/analyzers/timeouts"
	"github.com/perfvet/perfvet/internal/driver"
)

// defaultPlan is a plan file that writes the default's request_timeout
// and query_timeout: bounds longer than they are the team's own limits,
// and reported (TestPlanNotWritten has the embedded default's twin).
func defaultPlan(t *testing.T) timeouts.Config {
	t.Helper()
	return timeouts.Config{Plans: plan.Static(analyzertest.WrittenPlan(t, "limits: {request_timeout: 30s, query_timeout: 10s}\n"))}
}

// perSite is defaultPlan with -persite: the catalogue fixtures list many
// APIs in one function, each with its own want, where the default reports
// one finding per function (TestGrouped checks that).
func perSite(t *testing.T) timeouts.Config {
	t.Helper()
	cfg := defaultPlan(t)
	cfg.PerSite = true
	return cfg
}

// TestPlanNotWritten runs the fixtures with bounds longer than the plan
// under the embedded default plan, which the team did not write: a
// deliberate bound is not reported against it.
func TestPlanNotWritten(t *testing.T) {
	res := assembled(t, timeouts.New(timeouts.Config{Plans: analyzertest.DefaultPlan()}), "planbounds", "minmax", "api")
	for _, f := range res.Findings {
		if f.Diag.Category == timeouts.CategoryPlan {
			t.Errorf("%v: reported against the default plan: %s", res.Fset.Position(f.Diag.Pos), f.Diag.Message)
		}
	}
	if len(res.Findings) == 0 {
		t.Error("no findings at all: the fixtures did not load")
	}
}

func TestTimeouts(t *testing.T) {
	a := timeouts.New(perSite(t))
	analyzertest.Run(t, analysistest.TestData(), a,
		"clients", "clientsdefault", "deadfield", "sharedtimeout", "servers", "dials", "handlers",
		"frameworks", "planbounds", "plancli", "redisopts", "ginfallback", "testfiles", "clienttest",
		"examples/publish", "tools/publish", "testhelpers", "mocks", "testdb", "rwshapes", "cleanupcmd", "cleanupcmd/main", "kongcmd", "azuresdk", "exitcheck", "reqhelper", "closurehandoff",
		"rwlong", "defaultcopy", "unixfield", "ctxfactory", "derivedctx", "rwprobe", "rwprobemethod", "rwprobemethodtwin", "rwprobeuser", "rwadmin", "rwsetup", "rwsetupstop", "rwsetuptwin", "ginmany", "selfdial",
		"defaultset", "defaultuser", "defaultbare", "defaultredirect", "nildefault", "clitool", "selfprobe", "sqlitequery", "sqlitequerytwin", "inprocessreq", "pprofmux", "defaultmux", "tailnet", "oapiclient", "oapiclienttwin", "wrapclient", "wrapclientuse", "dockermetrics", "dockermetricstwin", "helperclient", "ephemeralfield")
}

// TestCauses runs the fixtures where handlers in one package reach the
// cause of detached work in another: the finding sits at the cause and the
// command's output assembly merges the packages' findings into one.
func TestCauses(t *testing.T) {
	res := runMerged(t, analysistest.TestData(), timeouts.New(defaultPlan(t)), "repo", "api", "feedstore", "feedui", "feedapi", "feedadmin", "layerstore", "layerui", "layerhandler")
	got := relatedOf(t, res, "(*feedstore.Storage).Entries ")
	want := []string{
		"api.go:15: request path: feedapi.entries calls (*feedstore.Storage).Entries",
		"ui.go:18: request path: feedui.showEntries calls (*feedstore.Storage).Entries",
		"ui.go:32: request path: feedui.ShowUnread calls (*feedstore.Storage).Entries",
		"ui.go:43: request path: feedui.unread calls feedui.countUnread",
	}
	slices.Sort(got)
	if !slices.Equal(got, want) {
		t.Errorf("related positions of Entries:\n%s\nwant:\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}
}

func TestIllTyped(t *testing.T) {
	analysistest.Run(t, analysistest.TestData(), timeouts.New(defaultPlan(t)), "broken", "brokenpath")
}

func TestSuggestedFixes(t *testing.T) {
	analyzertest.RunWithFixes(t, analysistest.TestData(), timeouts.New(perSite(t)), "fixes")
}

// TestTimeoutFixes: the plan's request_timeout written into client and
// server literals, the time import added or reused under its name, and
// no fix where time is shadowed, where the literal sets the field to zero
// or where the function zeroes it later.
func TestTimeoutFixes(t *testing.T) {
	analyzertest.RunWithFixes(t, analysistest.TestData(), timeouts.New(defaultPlan(t)), "timeoutfixes")
}

func TestPlanLimitsOff(t *testing.T) {
	p := analyzertest.InlinePlan(t, "limits: {request_timeout: 0, query_timeout: 0}\n")
	analyzertest.Run(t, analysistest.TestData(), timeouts.New(timeouts.Config{Plans: p}), "planoff")
}

func TestTestsFlag(t *testing.T) {
	a := analyzertest.WithFlag(t, timeouts.New(defaultPlan(t)), "tests", "true")
	analyzertest.Run(t, analysistest.TestData(), a, "testfilesall")
}

// TestTypeCauses runs the fixtures where four methods of one type are
// causes reached from two handler packages: one finding at the type, whose
// related positions are the request-path calls of both packages, and a
// finding per method for a type with two.
func TestTypeCauses(t *testing.T) {
	res := runMerged(t, analysistest.TestData(), timeouts.New(defaultPlan(t)), "typestore", "typeui", "typeapi")
	got := relatedOf(t, res, "4 methods of *typestore.Store ")
	want := []string{
		"api.go:16: request path: typeapi.user calls (*typestore.Store).User",
		"ui.go:17: request path: typeui.entries calls (*typestore.Store).Entries",
		"ui.go:18: request path: typeui.entries calls (*typestore.Store).Feed",
	}
	slices.Sort(got)
	if !slices.Equal(got, want) {
		t.Errorf("related positions of Store:\n%s\nwant:\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}
}

// TestLayers runs layerstore, a layer that takes no context anywhere, with
// -layers: its database queries are reported once per type and once per
// package (the plain functions), with the request paths as related
// positions; without the option (TestCauses) only its HTTP request is.
func TestLayers(t *testing.T) {
	a := analyzertest.WithFlag(t, timeouts.New(defaultPlan(t)), "layers", "true")
	res := assembled(t, a, "layerstore", "layerui")
	got := make([]string, 0, len(res.Findings))
	for _, f := range res.Findings {
		p := res.Fset.Position(f.Diag.Pos)
		got = append(got, fmt.Sprintf("%s:%d: %s (%d related)", filepath.Base(p.Filename), p.Line, f.Diag.Message, len(f.Diag.Related)))
	}
	slices.Sort(got)
	want := []string{
		"store.go:16: 3 methods of *layerstore.Store run outbound calls with no request context ((*layerstore.Store).Entries, (*layerstore.Store).Feed, (*layerstore.Store).Fetch; *layerstore.Store takes no context anywhere); 3 request paths reach it, and there the work keeps running after the client has gone: give these methods a ctx parameter and pass the request's context down to them (3 related)",
		"store.go:51: 2 functions of package layerstore run database queries with no request context (layerstore.Count, layerstore.Purge; package layerstore takes no context anywhere); 2 request paths reach it, and there the work keeps running after the client has gone: give these functions a ctx parameter and pass the request's context down to them (2 related)",
	}
	var rest []string
	for _, g := range got {
		if !strings.Contains(g, "http.DefaultClient.Do") {
			rest = append(rest, g)
		}
	}
	if !slices.Equal(rest, want) {
		t.Errorf("findings with -layers:\n%s\nwant:\n%s", strings.Join(rest, "\n"), strings.Join(want, "\n"))
	}
}

// relatedOf returns the related positions ("file:line: message") of the
// finding whose message starts with prefix, and fails without one.
func relatedOf(t *testing.T, res *driver.Result, prefix string) []string {
	t.Helper()
	for _, f := range res.Findings {
		if !strings.HasPrefix(f.Diag.Message, prefix) {
			continue
		}
		got := make([]string, 0, len(f.Diag.Related))
		for _, r := range f.Diag.Related {
			p := res.Fset.Position(r.Pos)
			got = append(got, fmt.Sprintf("%s:%d: %s", filepath.Base(p.Filename), p.Line, r.Message))
		}
		return got
	}
	t.Fatalf("no finding starting with %q", prefix)
	return nil
}

// TestMinMax runs the running minimum/maximum idiom of Go 1.21 (issue 20).
func TestMinMax(t *testing.T) {
	analyzertest.Run(t, analysistest.TestData(), timeouts.New(defaultPlan(t)), "minmax")
}

// TestCLIProgram: under a driver that sees the whole program, the client
// findings of a package that serves nothing are reported by the programs
// that import it and serve requests (a webhook client the server uses; a
// helper both programs use), and not by a command-line tool's program,
// which serves nothing (an uploader's API client), nor by a suite of
// tests that serves (an API client only integrationtests uses). A
// directive in the holding package still silences its finding.
func TestCLIProgram(t *testing.T) {
	cfg := defaultPlan(t)
	cfg.WholeProgram = true
	cfg.Imported = func(path string) bool { // the run's imports
		return !strings.Contains(path, "/cmd/") && !strings.HasSuffix(path, "/integrationtests")
	}
	analyzertest.WholeProgramModule(t, filepath.Join(analysistest.TestData(), "cliprogram"), timeouts.New(cfg),
		"example.com/cliprogram/cmd/uploader", "example.com/cliprogram/cmd/server", "example.com/cliprogram/integrationtests")
}

// TestGinProgram: the calls of several packages that run with a
// *gin.Context are one finding at the engine the program makes without
// ContextWithFallback (pocket-id), none when the engine sets it, and one
// package's calls are its group, where they are, with the fix.
func TestGinProgram(t *testing.T) {
	cfg := defaultPlan(t)
	cfg.WholeProgram = true
	cfg.Imported = func(path string) bool { return !strings.HasSuffix(path, "/cmd") }
	analyzertest.WholeProgram(t, timeouts.New(cfg), "ginprogram/cmd", "ginprogram/fallback/cmd", "ginprogram/single/cmd")
}

// TestCLIProgramPerPackage: a driver that analyses each package on its
// own (go vet), or does not say which packages the run imports
// (golangci-lint), holds nothing: the uploader's API client is reported
// where it is.
func TestCLIProgramPerPackage(t *testing.T) {
	cfg := defaultPlan(t)
	cfg.WholeProgram = true // without Imported, as golangci-lint runs it
	a := timeouts.New(cfg)
	dir := filepath.Join(analysistest.TestData(), "cliprogram")
	_, graph := analyzertest.Program(t, dir, a, "example.com/cliprogram/cmd/uploader")
	var got []string
	for act := range graph.All() {
		if act.Analyzer != a {
			continue
		}
		for _, d := range act.Diagnostics {
			if posn := act.Package.Fset.Position(d.Pos); strings.HasPrefix(posn.Filename, dir) {
				got = append(got, fmt.Sprintf("%s:%d", filepath.Base(posn.Filename), posn.Line))
			}
		}
	}
	slices.Sort(got)
	want := []string{"api.go:14", "api.go:28", "shared.go:10"}
	if !slices.Equal(got, want) {
		t.Errorf("per-package findings = %v, want %v", got, want)
	}
}

// TestGrouped runs the default, one finding per category and function
// (and per library function called with no context in a package): the
// others are related positions, and the fix of all is one.
func TestGrouped(t *testing.T) {
	analyzertest.RunWithFixes(t, analysistest.TestData(), timeouts.New(defaultPlan(t)), "grouped")
	res := assembled(t, timeouts.New(defaultPlan(t)), "grouped")
	got := relatedOf(t, res, "(*sql.DB).Exec in a request path has no context, so the database query keeps running after the client has gone; use ExecContext with the request's context (r.Context()); and 2 more")
	want := []string{
		"grouped.go:35: (*sql.DB).Exec in a request path has no context, so the database query keeps running after the client has gone",
		"grouped.go:36: (*sql.DB).Ping in a request path has no context, so the database query keeps running after the client has gone",
	}
	if !slices.Equal(got, want) {
		t.Errorf("related:\n%s\nwant:\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}
	// The package's calls of one library function, in two functions.
	got = relatedOf(t, res, "(*sql.DB).Query in a request path has no context, so the database query keeps running after the client has gone; use QueryContext with the request's context (r.Context()); and 1 more in 2 functions of this package")
	want = []string{"grouped.go:54: (*sql.DB).Query in a request path has no context, so the database query keeps running after the client has gone"}
	if !slices.Equal(got, want) {
		t.Errorf("related:\n%s\nwant:\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}
}

// TestParamClient: a helper whose client takes its Timeout from a
// parameter is bounded where a request path gives it a short constant.
func TestParamClient(t *testing.T) {
	res := runMerged(t, analysistest.TestData(), timeouts.New(defaultPlan(t)), "paramclient")
	got := relatedOf(t, res, "paramclient.fetch runs an HTTP request")
	want := []string{
		"paramclient.go:47: request path: paramclient.export calls paramclient.fetch",
		"paramclient.go:52: request path: paramclient.mirror calls paramclient.fetch",
	}
	slices.Sort(got)
	if !slices.Equal(got, want) {
		t.Errorf("related positions of fetch:\n%s\nwant:\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}
	// A package variable that keeps its constant bounds post; one that
	// a function writes does not.
	got = relatedOf(t, res, "paramclient.post runs an HTTP request")
	want = []string{"paramclient.go:123: request path: paramclient.slowCheck calls paramclient.post"}
	if !slices.Equal(got, want) {
		t.Errorf("related positions of post:\n%s\nwant:\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}
}

// TestClientSetup: the shared clients one function sets up (in package
// variables, directly or through a helper it calls) are one finding, by
// default; clients that two functions build for their own requests stay
// two.
func TestClientSetup(t *testing.T) {
	analyzertest.Run(t, analysistest.TestData(), timeouts.New(defaultPlan(t)), "clientsetup")
}

// TestReturnedProgram: a client with no Timeout that an exported function
// returns is decided by the packages that call the function: silent when
// every call, in its package and others, sends requests with a deadline
// or the caller's context (through a package variable, a field and a
// lazy getter: 3x-ui's HTTPClientForNode), reported when one package
// sends it a request with no context, silent when nothing calls it. A
// client in an exported function that only tests call is silent too, in
// a package that serves and in one that holds its clients for the
// serving programs; its twin that the program calls is reported. A
// client that a package serving nothing sends unbounded requests through,
// imported only by a program that serves nothing, is held there and not
// reported.
func TestReturnedProgram(t *testing.T) {
	cfg := defaultPlan(t)
	cfg.WholeProgram = true
	cfg.Imported = func(path string) bool { return !strings.HasSuffix(path, "/cmd") }
	analyzertest.WholeProgram(t, timeouts.New(cfg), "returnedprogram/cmd", "returnedprogram/tool")
}

// TestDefaultMuxProgram: a server of http.DefaultServeMux in a package
// that sees no handler of the program's own registered there is held for
// the program: one whose packages register none (only net/http/pprof
// fills the mux) drops it, one whose api package registers its users'
// handler there reports it.
func TestDefaultMuxProgram(t *testing.T) {
	cfg := defaultPlan(t)
	cfg.WholeProgram = true
	cfg.Imported = func(path string) bool { return !strings.HasSuffix(path, "/cmd") }
	analyzertest.WholeProgram(t, timeouts.New(cfg), "muxprogram/cmd")
	analyzertest.WholeProgram(t, timeouts.New(cfg), "muxpublic/cmd")
}

// TestKongProgram: a package that serves nothing and that the program
// refers to only in its kong grammar (a subcommand's field) runs at a
// terminal: its held client is not reported; the client of a package
// the program's handler calls is.
func TestKongProgram(t *testing.T) {
	cfg := defaultPlan(t)
	cfg.WholeProgram = true
	cfg.Imported = func(path string) bool { return !strings.HasSuffix(path, "/cmd") }
	analyzertest.WholeProgram(t, timeouts.New(cfg), "kongprogram/cmd")
}
