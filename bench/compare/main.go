// Command compare measures perfvet side by side with its floor and with
// staticcheck, in one run, and prints the ratios the performance goals are
// stated in (issue 8):
//
//   - wall time, CPU time (user+system) and peak RSS of the suite, of the
//     floor (the same driver loading and type-checking the same packages
//     with only the inspect analyzer: perfvet -floor), of the driver before
//     streaming (perfvet -checker) and of staticcheck -tests=false with an
//     empty cache, on the standard library and on generated modules
//     (bench/gen);
//   - each analyzer's share: the suite's CPU time without it (-NAME=false);
//   - the generated modules' findings against their expected.txt;
//   - go vet -vettool=perfvet after a change to one leaf package against a
//     full (cold) go vet run.
//
// The variants of a target are run one after another within a round, and
// rounds are repeated (-runs), so that a busy machine slows them alike; the
// median of the rounds is printed, with the load average at the start of
// each target.
//
// Usage, from the repository root:
//
//	go run ./bench/compare                       # std, 100/400/1600 packages
//	go run ./bench/compare -sizes 100 -runs 3    # a quick check
package main

import (
	"bufio"
	"bytes"
	"context"
	"errors"
	"flag"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"time"
)

// staticcheckVersion is installed from the module proxy when no
// staticcheck is found.
const staticcheckVersion = "honnef.co/go/tools/cmd/staticcheck@v0.8.2"

type config struct {
	work        string
	sizes       []int
	std         bool
	runs        int
	share       map[string]bool
	incr        map[string]bool
	scOn        map[string]bool
	staticcheck string
	known       string
}

func main() {
	var c config
	var sizes, share, incr, scOn string
	flag.StringVar(&c.work, "work", filepath.Join(os.TempDir(), "perfvet-bench"), "working directory: binaries, generated modules, outputs")
	flag.StringVar(&sizes, "sizes", "100,400,1600", "sizes of the generated modules (packages), comma-separated; empty for none")
	flag.BoolVar(&c.std, "std", true, "measure the standard library")
	flag.IntVar(&c.runs, "runs", 1, "rounds per target (the median is printed)")
	flag.StringVar(&share, "share", "std,gen100", "targets on which each analyzer's share is measured (-NAME=false)")
	flag.StringVar(&scOn, "sc", "std,gen100", "targets on which staticcheck runs (with an empty cache it analyses every dependency: on a generated module, minutes)")
	flag.StringVar(&incr, "incr", "gen400", "generated modules on which incremental go vet is measured")
	flag.StringVar(&c.staticcheck, "staticcheck", "", "staticcheck binary (default: on PATH or in GOPATH/bin, else installed from the module proxy)")
	flag.StringVar(&c.known, "known", "bench/compare/known.txt", "findings on generated modules expected beyond expected.txt")
	flag.Parse()
	for s := range strings.SplitSeq(sizes, ",") {
		if s = strings.TrimSpace(s); s == "" {
			continue
		}
		n, err := strconv.Atoi(s)
		if err != nil {
			fatalf("-sizes: %v", err)
		}
		c.sizes = append(c.sizes, n)
	}
	c.share, c.incr, c.scOn = set(share), set(incr), set(scOn)
	if err := run(&c); err != nil {
		fatalf("%v", err)
	}
}

func set(list string) map[string]bool {
	m := make(map[string]bool)
	for s := range strings.SplitSeq(list, ",") {
		if s = strings.TrimSpace(s); s != "" {
			m[s] = true
		}
	}
	return m
}

func fatalf(format string, args ...any) {
	fmt.Fprintf(os.Stderr, "compare: "+format+"\n", args...)
	os.Exit(1)
}

// A target is what is analysed: patterns in a directory.
type target struct {
	name     string
	dir      string
	patterns []string
	expected string // expected.txt of a generated module
}

// A sample is one measured run.
type sample struct {
	wall time.Duration
	cpu  time.Duration // user + system, children (go list) included
	rss  int64         // KB
	out  string
}

func run(c *config) error {
	if err := os.MkdirAll(c.work, 0o755); err != nil {
		return err
	}
	repo, err := output(".", "go", "list", "-m", "-f", "{{.Dir}}")
	if err != nil {
		return fmt.Errorf("run from perfvet's module: %w", err)
	}
	repo = strings.TrimSpace(repo)
	perfvet := filepath.Join(c.work, "perfvet")
	if _, err := output(repo, "go", "build", "-o", perfvet, "./cmd/perfvet"); err != nil {
		return err
	}
	sc, err := findStaticcheck(c)
	if err != nil {
		return err
	}
	analyzers, err := analyzerNames(perfvet)
	if err != nil {
		return err
	}
	known, err := readKnown(filepath.Join(repo, c.known))
	if err != nil {
		return err
	}

	var targets []target
	if c.std {
		targets = append(targets, target{name: "std", dir: repo, patterns: []string{"std"}})
	}
	for _, n := range c.sizes {
		dir := filepath.Join(c.work, fmt.Sprintf("gen%d", n))
		if _, err := os.Stat(filepath.Join(dir, "expected.txt")); err != nil {
			fmt.Fprintf(os.Stderr, "compare: generating %s\n", dir)
			_ = os.RemoveAll(dir)
			if _, err := output(repo, "go", "run", "./bench/gen", "-packages", strconv.Itoa(n), "-out", dir); err != nil {
				return err
			}
		}
		targets = append(targets, target{name: fmt.Sprintf("gen%d", n), dir: dir, patterns: []string{"./..."}, expected: filepath.Join(dir, "expected.txt")})
	}

	fmt.Printf("perfvet benchmark, %s, %d round(s) per target, GOMAXPROCS=%s nproc=%s\n",
		time.Now().UTC().Format(time.RFC3339), c.runs, os.Getenv("GOMAXPROCS"), nproc())
	fmt.Printf("staticcheck: %s\n\n", sc)

	var rows []row
	var shares []shareRow
	var checks []string
	for _, t := range targets {
		r, sh, check, err := measureTarget(c, t, perfvet, sc, analyzers, known)
		if err != nil {
			return fmt.Errorf("%s: %w", t.name, err)
		}
		rows = append(rows, r)
		shares = append(shares, sh...)
		if check != "" {
			checks = append(checks, check)
		}
		printRow(r) // as it goes: a size may take minutes
	}

	fmt.Println()
	printTable(rows, shares)
	for _, ch := range checks {
		fmt.Println(ch)
	}
	for _, t := range targets {
		if !c.incr[t.name] {
			continue
		}
		if err := incremental(c, t, perfvet); err != nil {
			return fmt.Errorf("incremental %s: %w", t.name, err)
		}
	}
	return nil
}

type row struct {
	target           string
	loadavg          string
	packages         int
	floor, suite, sc sample
	checker          sample // the driver before streaming
	findings         int
}

type shareRow struct {
	target, analyzer string
	without, suite   time.Duration
	floor            time.Duration
}

// measureTarget runs every variant on the target, interleaved, c.runs times.
func measureTarget(c *config, t target, perfvet, sc string, analyzers []string, known []knownFinding) (row, []shareRow, string, error) {
	r := row{target: t.name, loadavg: loadavg()}
	pkgs, err := output(t.dir, "go", append([]string{"list", "-e"}, t.patterns...)...)
	if err != nil {
		return r, nil, "", err
	}
	r.packages = len(strings.Fields(pkgs))

	type variant struct {
		name string
		cmd  []string
		env  func() ([]string, func())
	}
	pv := func(args ...string) []string {
		return append(append([]string{perfvet}, args...), t.patterns...)
	}
	variants := []variant{
		{name: "floor", cmd: pv("-floor")},
		{name: "suite", cmd: pv()},
		// The driver before streaming: go/packages holding every
		// package, and go/analysis/checker.
		{name: "checker", cmd: pv("-checker")},
	}
	if c.scOn[t.name] {
		variants = append(variants, variant{name: "staticcheck", cmd: append([]string{sc, "-tests=false"}, t.patterns...), env: func() ([]string, func()) {
			// An empty cache each time: staticcheck keeps facts and
			// results between runs, perfvet does not.
			dir, err := os.MkdirTemp(c.work, "sccache")
			if err != nil {
				fatalf("%v", err)
			}
			env := append(os.Environ(), "STATICCHECK_CACHE="+dir, "XDG_CACHE_HOME="+dir)
			return env, func() { _ = os.RemoveAll(dir) }
		}})
	}
	if c.share[t.name] {
		for _, a := range analyzers {
			variants = append(variants, variant{name: "-" + a + "=false", cmd: pv("-" + a + "=false")})
		}
	}
	samples := make(map[string][]sample)
	for range c.runs {
		for _, v := range variants {
			env := os.Environ()
			cleanup := func() {}
			if v.env != nil {
				env, cleanup = v.env()
			}
			s, err := measure(t.dir, env, v.cmd)
			cleanup()
			if err != nil {
				return r, nil, "", fmt.Errorf("%s: %w", v.name, err)
			}
			samples[v.name] = append(samples[v.name], s)
		}
	}
	r.floor, r.suite, r.checker = median(samples["floor"]), median(samples["suite"]), median(samples["checker"])
	if s := samples["staticcheck"]; s != nil {
		r.sc = median(s)
	}
	if a, b := parseFindings(samples["suite"][0].out), parseFindings(samples["checker"][0].out); !slices.Equal(a, b) {
		return r, nil, "", fmt.Errorf("the streaming engine and -checker find different things:\n%v\n%v", a, b)
	}
	r.findings = len(parseFindings(samples["suite"][0].out))

	var shares []shareRow
	for _, a := range analyzers {
		if s, ok := samples["-"+a+"=false"]; ok {
			shares = append(shares, shareRow{target: t.name, analyzer: a, without: median(s).cpu, suite: r.suite.cpu, floor: r.floor.cpu})
		}
	}
	check := ""
	if t.expected != "" {
		check = checkFindings(t, samples["suite"][0].out, analyzers, known)
	}
	return r, shares, check, nil
}

// measure runs cmd under /usr/bin/time for its wall time and peak RSS.
func measure(dir string, env, cmd []string) (sample, error) {
	tf, err := os.CreateTemp("", "time")
	if err != nil {
		return sample{}, err
	}
	_ = tf.Close()
	defer func() { _ = os.Remove(tf.Name()) }()
	args := append([]string{"-f", "%e %M %U %S", "-o", tf.Name()}, cmd...)
	x := exec.CommandContext(context.Background(), "/usr/bin/time", args...)
	x.Dir, x.Env = dir, env
	var stdout, stderr bytes.Buffer
	x.Stdout, x.Stderr = &stdout, &stderr
	start := time.Now()
	err = x.Run()
	wall := time.Since(start)
	var exit *exec.ExitError
	if err != nil && !errors.As(err, &exit) {
		return sample{}, err
	}
	// perfvet exits 1 with findings, staticcheck too; anything else, or
	// a crash, is a failed measurement.
	if code := x.ProcessState.ExitCode(); code > 1 || bytes.Contains(stderr.Bytes(), []byte("internal error")) || bytes.Contains(stderr.Bytes(), []byte("panic:")) {
		return sample{}, fmt.Errorf("%s exited %d:\n%s", strings.Join(cmd, " "), code, tail(stderr.String(), 2000))
	}
	tb, err := os.ReadFile(tf.Name())
	if err != nil {
		return sample{}, err
	}
	// The last line is ours; the command's own output may precede it on
	// a non-zero exit ("Command exited with non-zero status 1").
	lines := strings.Split(strings.TrimSpace(string(tb)), "\n")
	var secs, user, sys float64
	var rss int64
	if _, err := fmt.Sscanf(lines[len(lines)-1], "%g %d %g %g", &secs, &rss, &user, &sys); err != nil {
		return sample{}, fmt.Errorf("reading /usr/bin/time output %q: %w", tb, err)
	}
	cpu := time.Duration((user + sys) * float64(time.Second))
	return sample{wall: wall, cpu: cpu, rss: rss, out: stdout.String()}, nil
}

func tail(s string, n int) string {
	if len(s) > n {
		return "..." + s[len(s)-n:]
	}
	return s
}

func median(s []sample) sample {
	sorted := slices.Clone(s)
	slices.SortFunc(sorted, func(a, b sample) int { return int(a.wall - b.wall) })
	m := sorted[len(sorted)/2]
	rss := make([]int64, len(s))
	cpu := make([]time.Duration, len(s))
	for i := range s {
		rss[i], cpu[i] = s[i].rss, s[i].cpu
	}
	slices.Sort(rss)
	slices.Sort(cpu)
	m.rss, m.cpu = rss[len(rss)/2], cpu[len(cpu)/2]
	return m
}

// printRow prints a target's medians: wall time, CPU time (user+system)
// and peak RSS of each variant.
func printRow(r row) {
	fmt.Printf("%-7s %5d pkgs  load %-15s  floor %s  suite %s  -checker %s  staticcheck %s  findings %d\n",
		r.target, r.packages, r.loadavg, cell(r.floor), cell(r.suite), cell(r.checker), cell(r.sc), r.findings)
}

func cell(s sample) string {
	if s.wall == 0 {
		return "(not run)"
	}
	return fmt.Sprintf("%.1fs (cpu %.1fs) %dMB", s.wall.Seconds(), s.cpu.Seconds(), s.rss/1024)
}

func printTable(rows []row, shares []shareRow) {
	fmt.Println("ratios (goal on std: suite/floor <= 1.3, suite/staticcheck <= 0.5, RSS suite/staticcheck <= 1)")
	fmt.Println("(wall time; in brackets CPU time, which a busy machine disturbs less)")
	fmt.Printf("%-8s %6s %16s %16s %14s %14s %12s %16s %16s\n", "target", "pkgs", "suite/floor", "suite/sc", "RSS suite/sc", "RSS suite/fl", "ms/package",
		"suite/-checker", "RSS suite/-chk")
	for _, r := range rows {
		fmt.Printf("%-8s %6d %16s %16s %14s %14.2f %12.1f %16.2f %16.2f\n", r.target, r.packages,
			fmt.Sprintf("%.2f (%.2f)", ratio(r.suite.wall, r.floor.wall), ratio(r.suite.cpu, r.floor.cpu)),
			orNA(ratio(r.suite.wall, r.sc.wall))+" ("+orNA(ratio(r.suite.cpu, r.sc.cpu))+")",
			orNA(float64(r.suite.rss)/float64(max(r.sc.rss, 1))*bool01(r.sc.rss > 0)), float64(r.suite.rss)/float64(max(r.floor.rss, 1)),
			float64(r.suite.wall.Milliseconds())/float64(max(r.packages, 1)),
			ratio(r.suite.wall, r.checker.wall), float64(r.suite.rss)/float64(max(r.checker.rss, 1)))
	}
	var gen []row
	for _, r := range rows {
		if strings.HasPrefix(r.target, "gen") {
			gen = append(gen, r)
		}
	}
	if len(gen) > 1 {
		base := float64(gen[0].suite.wall) / float64(gen[0].packages)
		baseCPU := float64(gen[0].suite.cpu) / float64(gen[0].packages)
		fmt.Printf("time per package relative to %s (goal: within 0.8-1.2):", gen[0].target)
		for _, r := range gen[1:] {
			fmt.Printf(" %s %.2f (cpu %.2f)", r.target, float64(r.suite.wall)/float64(r.packages)/base, float64(r.suite.cpu)/float64(r.packages)/baseCPU)
		}
		fmt.Println()
		// The dependencies (std, the libraries) cost the same at every
		// size; what each further package costs shows how cost grows.
		fmt.Print("marginal CPU time per package (suite, floor):")
		for i := 1; i < len(gen); i++ {
			a, b := gen[i-1], gen[i]
			n := float64(b.packages - a.packages)
			fmt.Printf(" %s→%s %.1fms, %.1fms", a.target, b.target,
				float64((b.suite.cpu-a.suite.cpu).Milliseconds())/n, float64((b.floor.cpu-a.floor.cpu).Milliseconds())/n)
		}
		fmt.Println()
	}
	if len(shares) > 0 {
		fmt.Println("\nanalyzer shares: suite CPU time without the analyzer; share = (suite - without) / (suite - floor)")
		for _, s := range shares {
			fmt.Printf("%-8s %-12s without %6.1fs  suite %6.1fs  floor %6.1fs  share %5.0f%%\n", s.target, s.analyzer,
				s.without.Seconds(), s.suite.Seconds(), s.floor.Seconds(), 100*ratio(s.suite-s.without, s.suite-s.floor))
		}
	}
	fmt.Println()
}

func orNA(x float64) string {
	if x == 0 {
		return "-"
	}
	return fmt.Sprintf("%.2f", x)
}

func bool01(b bool) float64 {
	if b {
		return 1
	}
	return 0
}

func ratio(a, b time.Duration) float64 {
	if b <= 0 {
		return 0
	}
	return float64(a) / float64(b)
}

// A finding is "analyzer<TAB>file:line", the form of expected.txt.
var findingRE = regexp.MustCompile(`^(.+?):(\d+):\d+: .* \((\w+)\)$`)

func parseFindings(out string) []string {
	var fs []string
	for line := range strings.SplitSeq(out, "\n") {
		if m := findingRE.FindStringSubmatch(line); m != nil {
			fs = append(fs, m[3]+"\t"+m[1]+":"+m[2])
		}
	}
	return fs
}

// A knownFinding is a finding the generator does not plant but that is
// right: "analyzer<TAB>file" matches any line of the file.
type knownFinding struct{ analyzer, file string }

func readKnown(file string) ([]knownFinding, error) {
	data, err := os.ReadFile(file)
	if err != nil {
		return nil, err
	}
	var out []knownFinding
	sc := bufio.NewScanner(bytes.NewReader(data))
	for sc.Scan() {
		line := strings.TrimSpace(sc.Text())
		if line == "" || strings.HasPrefix(line, "#") {
			continue
		}
		a, f, ok := strings.Cut(line, "\t")
		if !ok {
			return nil, fmt.Errorf("%s: want analyzer<TAB>file, got %q", file, line)
		}
		out = append(out, knownFinding{a, f})
	}
	return out, sc.Err()
}

// checkFindings compares the suite's findings on a generated module with
// its expected.txt: every expected finding of an analyzer in the suite must
// be found, and nothing else but the known findings.
func checkFindings(t target, out string, analyzers []string, known []knownFinding) string {
	data, err := os.ReadFile(t.expected)
	if err != nil {
		return fmt.Sprintf("%s: FAIL: %v", t.name, err)
	}
	got := make(map[string]bool)
	for _, f := range parseFindings(out) {
		got[f] = true
	}
	var missing, unexpected []string
	notInSuite := make(map[string]int)
	want := make(map[string]bool)
	for line := range strings.SplitSeq(strings.TrimSpace(string(data)), "\n") {
		a, _, _ := strings.Cut(line, "\t")
		if !slices.Contains(analyzers, a) {
			notInSuite[a]++
			continue
		}
		want[line] = true
		if !got[line] {
			missing = append(missing, line)
		}
	}
	var knownN int
	for f := range got {
		if want[f] {
			continue
		}
		a, posn, _ := strings.Cut(f, "\t")
		file := posn[:strings.LastIndex(posn, ":")]
		if slices.Contains(known, knownFinding{a, file}) {
			knownN++
			continue
		}
		unexpected = append(unexpected, f)
	}
	slices.Sort(missing)
	slices.Sort(unexpected)
	var b strings.Builder
	status := "ok"
	if len(missing)+len(unexpected) > 0 {
		status = "FAIL"
	}
	fmt.Fprintf(&b, "findings %s: %s: %d expected found, %d missing, %d unexpected, %d known extra", t.name, status, len(want)-len(missing), len(missing), len(unexpected), knownN)
	if len(notInSuite) > 0 {
		fmt.Fprintf(&b, "; planted for analyzers not in the suite yet:")
		for _, a := range slices.Sorted(mapKeys(notInSuite)) {
			fmt.Fprintf(&b, " %s %d", a, notInSuite[a])
		}
	}
	// A few of each analyzer: a generator change or a regression misses
	// them all alike.
	shown := make(map[string]int)
	for _, m := range missing {
		a, _, _ := strings.Cut(m, "\t")
		if shown[a]++; shown[a] <= 3 {
			fmt.Fprintf(&b, "\n  missing    %s", m)
		}
	}
	for _, a := range slices.Sorted(mapKeys(shown)) {
		if n := shown[a]; n > 3 {
			fmt.Fprintf(&b, "\n  missing    ... %d more of %s", n-3, a)
		}
	}
	for _, u := range unexpected {
		fmt.Fprintf(&b, "\n  unexpected %s", u)
	}
	return b.String()
}

func mapKeys(m map[string]int) func(func(string) bool) {
	return func(yield func(string) bool) {
		for k := range m {
			if !yield(k) {
				return
			}
		}
	}
}

// incremental measures go vet -vettool=perfvet on a generated module: a
// full run (a vet tool the go command has not seen, so that no vet result
// is cached, while compiled packages are), a run after a change to one
// leaf package, and a run with no change.
func incremental(c *config, t target, perfvet string) error {
	// A copy of the binary with a byte appended has another content hash,
	// hence another -V=full identity: the go command's cached vet results
	// do not apply to it, its cached compilations still do.
	data, err := os.ReadFile(perfvet)
	if err != nil {
		return err
	}
	tool := filepath.Join(c.work, fmt.Sprintf("vettool-%d", time.Now().UnixNano()))
	if err := os.WriteFile(tool, append(data, []byte(tool)...), 0o755); err != nil {
		return err
	}
	defer func() { _ = os.Remove(tool) }()
	vet := []string{"go", "vet", "-vettool=" + tool, "./..."}
	// Warm the build cache, so that the full run measures vet, not the
	// compilation of dependencies.
	if _, err := output(t.dir, "go", "build", "./..."); err != nil {
		return err
	}
	la := loadavg()
	full, err := measure(t.dir, os.Environ(), vet)
	if err != nil {
		return err
	}
	leaf, err := leafFile(t.dir)
	if err != nil {
		return err
	}
	orig, err := os.ReadFile(leaf)
	if err != nil {
		return err
	}
	defer func() { _ = os.WriteFile(leaf, orig, 0o644) }()
	// A new function: the package and what depends on its export data
	// are vetted again.
	edit := append(slices.Clone(orig), fmt.Appendf(nil, "\nfunc benchTouched%d() int { return %d }\n", time.Now().UnixNano(), len(orig))...)
	if err := os.WriteFile(leaf, edit, 0o644); err != nil {
		return err
	}
	touched, err := measure(t.dir, os.Environ(), vet)
	if err != nil {
		return err
	}
	none, err := measure(t.dir, os.Environ(), vet)
	if err != nil {
		return err
	}
	rel, _ := filepath.Rel(t.dir, leaf)
	fmt.Printf("incremental %s (load %s): go vet -vettool full %s; after a change to %s %s (%.1f%% of full, cpu %.1f%%; goal < 10%%); no change %s\n",
		t.name, la, cell(full), rel, cell(touched), 100*ratio(touched.wall, full.wall), 100*ratio(touched.cpu, full.cpu), cell(none))
	return nil
}

// leafFile returns a file of a package at the bottom of the module's own
// graph: a repository package (imported by its service only), else one
// that no package of the module imports.
func leafFile(dir string) (string, error) {
	out, err := output(dir, "go", "list", "-f", "{{.ImportPath}} {{join .Imports \" \"}}", "./...")
	if err != nil {
		return "", err
	}
	imported := make(map[string]bool)
	var pkgs []string
	for line := range strings.SplitSeq(strings.TrimSpace(out), "\n") {
		f := strings.Fields(line)
		pkgs = append(pkgs, f[0])
		for _, imp := range f[1:] {
			imported[imp] = true
		}
	}
	for _, p := range pkgs {
		if strings.Contains(p, "/repo/") {
			files, err := output(dir, "go", "list", "-f", "{{.Dir}}/{{index .GoFiles 0}}", p)
			return strings.TrimSpace(files), err
		}
	}
	for _, p := range pkgs {
		if !imported[p] {
			files, err := output(dir, "go", "list", "-f", "{{.Dir}}/{{index .GoFiles 0}}", p)
			return strings.TrimSpace(files), err
		}
	}
	return "", fmt.Errorf("no leaf package in %s", dir)
}

func findStaticcheck(c *config) (string, error) {
	if c.staticcheck != "" {
		return c.staticcheck, nil
	}
	if p, err := exec.LookPath("staticcheck"); err == nil {
		return p, nil
	}
	if gopath, err := output(".", "go", "env", "GOPATH"); err == nil {
		p := filepath.Join(strings.TrimSpace(gopath), "bin", "staticcheck")
		if _, err := os.Stat(p); err == nil {
			return p, nil
		}
	}
	bin := filepath.Join(c.work, "bin")
	fmt.Fprintf(os.Stderr, "compare: installing %s\n", staticcheckVersion)
	cmd := exec.CommandContext(context.Background(), "go", "install", staticcheckVersion)
	cmd.Env = append(os.Environ(), "GOBIN="+bin)
	cmd.Stderr = os.Stderr
	if err := cmd.Run(); err != nil {
		return "", fmt.Errorf("installing staticcheck: %w", err)
	}
	return filepath.Join(bin, "staticcheck"), nil
}

// analyzerNames lists the suite's analyzers, from perfvet help.
func analyzerNames(perfvet string) ([]string, error) {
	out, err := output(".", perfvet, "help")
	if err != nil {
		return nil, err
	}
	_, list, ok := strings.Cut(out, "\nAnalyzers:\n")
	if !ok {
		return nil, fmt.Errorf("perfvet help lists no analyzers")
	}
	var names []string
	for line := range strings.SplitSeq(list, "\n") {
		if !strings.HasPrefix(line, "\t") {
			break
		}
		names = append(names, strings.Fields(line)[0])
	}
	return names, nil
}

func output(dir, name string, args ...string) (string, error) {
	cmd := exec.CommandContext(context.Background(), name, args...)
	cmd.Dir = dir
	var stderr bytes.Buffer
	cmd.Stderr = &stderr
	out, err := cmd.Output()
	if err != nil {
		return "", fmt.Errorf("%s %s: %w\n%s", name, strings.Join(args, " "), err, stderr.String())
	}
	return string(out), nil
}

func loadavg() string {
	data, err := os.ReadFile("/proc/loadavg")
	if err != nil {
		return "?"
	}
	f := strings.Fields(string(data))
	if len(f) < 3 {
		return "?"
	}
	return strings.Join(f[:3], " ")
}

func nproc() string {
	out, err := output(".", "nproc")
	if err != nil {
		return "?"
	}
	return strings.TrimSpace(out)
}
