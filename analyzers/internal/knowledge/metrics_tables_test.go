package knowledge

import (
	"go/types"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"testing"

	"golang.org/x/tools/go/packages"

	"github.com/perfvet/perfvet/internal/fixturemod"
)

// metricsUnfetched are packages of the metrics and routes tables that the
// real-libraries module does not depend on (not served here, or no
// fixture uses them yet); their entries cannot be checked.
var metricsUnfetched = map[string]bool{
	GRPCPromV1: true,
	GRPCPromV2: true,
}

// metricsTableSymbols returns every function and method name the metrics
// and routes tables key on.
func metricsTableSymbols() []string {
	var names []string
	add := func(k string) { names = append(names, k) }
	for k := range MetricCtors {
		add(k)
	}
	for k := range VictoriaLogHistograms {
		add(k)
	}
	for k := range BucketFuncs {
		add(k)
	}
	for k := range RecordMethods {
		add(k)
	}
	for k := range LabelBinders {
		add(k)
	}
	for k := range Instrumenters {
		add(k)
	}
	for _, m := range []map[string]bool{ClientInstrumenters, PoolCollectors, ScrapeHandlers, GRPCServerOptions} {
		for k := range m {
			add(k)
		}
	}
	for k := range Routes {
		add(k)
	}
	for k := range RouterOps {
		add(k)
	}
	for k := range ServerStarts {
		add(k)
	}
	for fn := range semconvInstruments {
		// Each constructor in one version that has it.
		version := "v1.39.0"
		if fn == "rpcconv.NewServerDuration" {
			version = "v1.36.0" // renamed NewServerCallDuration in v1.39.0
		}
		add(Semconv + version + "/" + fn)
	}
	add(OTelBuckets)
	add(OTelUnit)
	add(GRPCNewServer)
	sort.Strings(names)
	return names
}

// TestMetricsTablesResolve checks every symbol of the metrics and routes
// tables against the real libraries in testdata/realibs.
func TestMetricsTablesResolve(t *testing.T) {
	syms := metricsTableSymbols()
	paths := make(map[string]bool)
	for _, s := range syms {
		paths[symbolPackage(s)] = true
	}
	var load []string
	for p := range paths {
		if !metricsUnfetched[p] {
			load = append(load, p)
		}
	}
	sort.Strings(load)
	dir, err := filepath.Abs("../../../testdata/realibs")
	if err != nil {
		t.Fatal(err)
	}
	fixturemod.Ensure(t, dir)
	cfg := &packages.Config{
		// NeedDeps: type-checked from source, which on an empty build
		// cache is several times cheaper than the export data of
		// compiling every library (go list -export).
		Mode: packages.NeedName | packages.NeedTypes | packages.NeedImports | packages.NeedDeps,
		Dir:  dir,
		Env:  append(os.Environ(), "GOWORK=off", "GOFLAGS=-mod=mod"),
	}
	pkgs, err := packages.Load(cfg, load...)
	if err != nil {
		t.Fatal(err)
	}
	byPath := make(map[string]*types.Package)
	for _, p := range pkgs {
		if len(p.Errors) > 0 {
			t.Errorf("loading %s: %v (add it to testdata/realibs, or to metricsUnfetched with a reason)", p.PkgPath, p.Errors)
			continue
		}
		byPath[p.PkgPath] = p.Types
	}
	checked := 0
	for _, s := range syms {
		pkg := byPath[symbolPackage(s)]
		if pkg == nil {
			continue
		}
		checked++
		if resolves(pkg, s) {
			continue
		}
		// A package-level variable (prometheus.DefBuckets) is no function.
		if !strings.HasPrefix(s, "(") {
			if _, ok := pkg.Scope().Lookup(s[strings.LastIndexByte(s, '.')+1:]).(*types.Var); ok {
				continue
			}
		}
		t.Errorf("%s does not exist in %s (as loaded from testdata/realibs)", s, pkg.Path())
	}
	if checked < len(syms)*9/10 {
		t.Errorf("checked only %d of %d symbols", checked, len(syms))
	}
}

// TestLookupMetricCtor: the semantic conventions' constructors are found
// in any version, with the convention's name, and nothing else under
// semconv is.
func TestLookupMetricCtor(t *testing.T) {
	for name, want := range map[string]string{
		Semconv + "v1.39.0/httpconv.NewServerRequestDuration":   "http.server.request.duration",
		Semconv + "v1.32.0/httpconv.NewServerRequestDuration":   "http.server.request.duration",
		Semconv + "v1.36.0/rpcconv.NewServerDuration":           "rpc.server.duration",
		Semconv + "v1.39.0/httpconv.ServerRequestDuration":      "",
		Semconv + "v1.39.0/x/httpconv.NewServerRequestDuration": "",
		"example.com/httpconv.NewServerRequestDuration":         "",
		Prometheus + ".NewHistogramVec":                         "",
	} {
		c, ok := LookupMetricCtor(name)
		if ok != (want != "" || name == Prometheus+".NewHistogramVec") || c.Fixed != want {
			t.Errorf("LookupMetricCtor(%q) = %+v, %v; want name %q", name, c, ok, want)
		}
	}
}
