// Command sweep runs perfvet over code it was not written against — the
// standard library and every module in the module cache — and counts
// crashes: panics, internal errors, and exit codes that no run should give.
// Packages that do not load or type-check must give a clean error (exit 3
// with the errors printed), never a crash.
//
// Usage, from the repository root:
//
//	go run ./bench/sweep                         # std and the whole module cache (hours)
//	go run ./bench/sweep -std=false -match 'gorm|redis' -limit 5
//	go run ./bench/sweep -std=false -all-versions -nice 15 -timeout 120s -budget 60m -table sweep.tsv
//	go run ./bench/sweep -std=false -resume sweep.tsv -budget 60m -table sweep2.tsv  # the rest
//
// Each module is analysed in its directory in the module cache, offline
// (GOPROXY=off), so a module whose dependencies are not in the cache gives
// a load error: counted as a clean error, as it should be; so is a module
// with no Go package (exit 2, "matches no packages"). The exit status is 1
// if anything crashed or timed out.
//
// -table writes one tab-separated row per target: module, packages (the
// root packages perfvet loaded, from its -timing line), exit code,
// seconds, outcome (ok, clean error, CRASH, TIMEOUT, or "not run" for the
// targets left when -budget ran out) and the first line of a crash.
package main

import (
	"bytes"
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"io/fs"
	"math/rand/v2"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"time"
)

func main() {
	var opts options
	var match string
	flag.StringVar(&opts.perfvet, "perfvet", "", "perfvet binary (default: built from this module)")
	flag.StringVar(&opts.modcache, "modcache", "", "module cache (default: go env GOMODCACHE)")
	flag.BoolVar(&opts.std, "std", true, "also run on the standard library")
	flag.StringVar(&match, "match", "", "only modules whose path@version matches this regexp")
	flag.IntVar(&opts.limit, "limit", 0, "at most this many modules (0: all)")
	flag.DurationVar(&opts.timeout, "timeout", 5*time.Minute, "time limit per target")
	flag.BoolVar(&opts.allVersions, "all-versions", false, "every version of a module, not only the newest in the cache")
	flag.IntVar(&opts.nice, "nice", 0, "run perfvet under nice -n N (0: not niced)")
	flag.DurationVar(&opts.budget, "budget", 0, "start no target after this much time (0: no cap); the rest are listed as not run")
	flag.StringVar(&opts.table, "table", "", "write a tab-separated table of every target to this file")
	flag.StringVar(&opts.resume, "resume", "", "a -table of an earlier sweep: the targets it ran (any outcome but \"not run\") are not run again")
	flag.Int64Var(&opts.shuffle, "shuffle", 0, "run the modules in an order shuffled with this seed (0: sorted), so that a -budget samples the whole cache")
	flag.Parse()
	if match != "" {
		re, err := regexp.Compile(match)
		if err != nil {
			fatalf("-match: %v", err)
		}
		opts.match = re
	}
	sum, err := sweep(opts, os.Stdout)
	if err != nil {
		fatalf("%v", err)
	}
	if sum.crashes+sum.timeouts > 0 {
		os.Exit(1)
	}
}

func fatalf(format string, args ...any) {
	fmt.Fprintf(os.Stderr, "sweep: "+format+"\n", args...)
	os.Exit(2)
}

type options struct {
	perfvet     string
	modcache    string
	std         bool
	match       *regexp.Regexp
	limit       int
	timeout     time.Duration
	allVersions bool
	nice        int
	budget      time.Duration
	table       string
	shuffle     int64
	resume      string
	// targets, if set, replaces the discovery of std and the module cache.
	targets []target
}

// A target is one perfvet run: patterns in a directory.
type target struct {
	name     string
	dir      string
	patterns []string
}

// An outcome classifies a run.
type outcome int

const (
	clean      outcome = iota // exit 0 or 1: analysed
	cleanError                // exit 3: load or type errors, reported; exit 2: no package
	crash                     // a panic, an internal error, an unexpected exit
	timeout
	notRun // the -budget ran out before this target
)

func (o outcome) String() string {
	return [...]string{"ok", "clean error", "CRASH", "TIMEOUT", "not run"}[o]
}

type summary struct {
	runs, ok, cleanErrors, crashes, timeouts, notRun int
	packages                                         int                // root packages loaded, summed
	outcomes                                         map[string]outcome // by target name
}

// A run is what one target gave.
type run struct {
	target   target
	outcome  outcome
	exit     int // -1: no exit code (timeout, not run)
	packages int // -1: unknown
	wall     time.Duration
	detail   string
}

func sweep(opts options, out io.Writer) (summary, error) {
	sum := summary{outcomes: make(map[string]outcome)}
	if opts.perfvet == "" {
		dir, err := os.MkdirTemp("", "sweep")
		if err != nil {
			return sum, err
		}
		defer func() { _ = os.RemoveAll(dir) }()
		opts.perfvet = filepath.Join(dir, "perfvet")
		if b, err := exec.CommandContext(context.Background(), "go", "build", "-o", opts.perfvet, "github.com/perfvet/perfvet/cmd/perfvet").CombinedOutput(); err != nil {
			return sum, fmt.Errorf("building perfvet: %w\n%s", err, b)
		}
	}
	targets := opts.targets
	if targets == nil {
		var err error
		targets, err = discover(opts)
		if err != nil {
			return sum, err
		}
	}
	if opts.resume != "" {
		done, err := ranIn(opts.resume)
		if err != nil {
			return sum, err
		}
		targets = slices.DeleteFunc(slices.Clone(targets), func(t target) bool { return done[t.name] })
		fmt.Fprintf(out, "%d targets already run in %s, %d left\n", len(done), opts.resume, len(targets))
	}
	var table *os.File
	if opts.table != "" {
		f, err := os.Create(opts.table)
		if err != nil {
			return sum, err
		}
		defer func() { _ = f.Close() }()
		table = f
		if _, err := fmt.Fprintln(table, "module\tpackages\texit\tseconds\toutcome\tdetail"); err != nil {
			return sum, fmt.Errorf("writing %s: %w", opts.table, err)
		}
	}
	start := time.Now()
	for _, t := range targets {
		r := run{target: t, outcome: notRun, exit: -1, packages: -1}
		if opts.budget <= 0 || time.Since(start) < opts.budget {
			r = runOne(opts, t)
			sum.runs++
		}
		sum.count(r)
		if r.outcome != notRun {
			fmt.Fprintf(out, "%-11s %6.1fs  %s\n", r.outcome, r.wall.Seconds(), t.name)
			if r.detail != "" {
				fmt.Fprintf(out, "%s\n", indent(r.detail))
			}
		}
		if table != nil {
			if err := writeRow(table, r); err != nil {
				return sum, fmt.Errorf("writing %s: %w", opts.table, err)
			}
		}
	}
	fmt.Fprintf(out, "\n%d runs in %v (%d packages): %d analysed, %d clean errors (did not load or type-check, or no package), %d crashes, %d timeouts",
		sum.runs, time.Since(start).Round(time.Second), sum.packages, sum.ok, sum.cleanErrors, sum.crashes, sum.timeouts)
	if sum.notRun > 0 {
		fmt.Fprintf(out, "; %d not run (-budget %v)", sum.notRun, opts.budget)
	}
	fmt.Fprintln(out)
	return sum, nil
}

func (sum *summary) count(r run) {
	sum.outcomes[r.target.name] = r.outcome
	if r.packages > 0 {
		sum.packages += r.packages
	}
	switch r.outcome {
	case clean:
		sum.ok++
	case cleanError:
		sum.cleanErrors++
	case crash:
		sum.crashes++
	case timeout:
		sum.timeouts++
	case notRun:
		sum.notRun++
	}
}

// ranIn returns the targets an earlier -table lists with an outcome other
// than "not run".
func ranIn(file string) (map[string]bool, error) {
	b, err := os.ReadFile(file)
	if err != nil {
		return nil, fmt.Errorf("-resume: %w", err)
	}
	done := make(map[string]bool)
	for i, line := range strings.Split(strings.TrimRight(string(b), "\n"), "\n") {
		cols := strings.Split(line, "\t")
		if i == 0 || len(cols) < 5 {
			continue // the header
		}
		if cols[4] != notRun.String() {
			done[cols[0]] = true
		}
	}
	return done, nil
}

// writeRow writes a run as a row of the -table file.
func writeRow(w io.Writer, r run) error {
	secs := ""
	if r.outcome != notRun {
		secs = fmt.Sprintf("%.1f", r.wall.Seconds())
	}
	detail, _, _ := strings.Cut(strings.TrimSpace(r.detail), "\n")
	_, err := fmt.Fprintf(w, "%s\t%s\t%s\t%s\t%s\t%s\n", r.target.name, unknown(r.packages), unknown(r.exit), secs, r.outcome, detail)
	return err
}

// unknown formats a count, or a dash for -1.
func unknown(n int) string {
	if n < 0 {
		return "-"
	}
	return fmt.Sprint(n)
}

// discover lists std and the modules of the module cache.
func discover(opts options) ([]target, error) {
	var targets []target
	if opts.std {
		targets = append(targets, target{name: "std", dir: os.TempDir(), patterns: []string{"std"}})
	}
	modcache := opts.modcache
	if modcache == "" {
		b, err := exec.CommandContext(context.Background(), "go", "env", "GOMODCACHE").Output()
		if err != nil {
			return nil, err
		}
		modcache = strings.TrimSpace(string(b))
	}
	// A module's root is the directory whose last element has an @: its
	// path is the directories above it (case-encoded), then its version.
	newest := make(map[string]string) // module path -> directory
	var dirs []string
	err := filepath.WalkDir(modcache, func(path string, d fs.DirEntry, err error) error {
		if err != nil {
			return filepath.SkipDir // unreadable: skipped
		}
		if !d.IsDir() {
			return nil
		}
		if path == filepath.Join(modcache, "cache") {
			return filepath.SkipDir
		}
		if !strings.Contains(d.Name(), "@") {
			return nil
		}
		if _, err := os.Stat(filepath.Join(path, "go.mod")); err == nil {
			rel, _ := filepath.Rel(modcache, path)
			if opts.match == nil || opts.match.MatchString(rel) {
				dirs = append(dirs, path)
				mod, _, _ := strings.Cut(rel, "@")
				if old, ok := newest[mod]; !ok || versionLess(old, path) {
					newest[mod] = path
				}
			}
		}
		return filepath.SkipDir
	})
	if err != nil {
		return nil, err
	}
	if !opts.allVersions {
		dirs = dirs[:0]
		for _, d := range newest {
			dirs = append(dirs, d)
		}
	}
	slices.Sort(dirs)
	if opts.shuffle != 0 {
		rand.New(rand.NewPCG(uint64(opts.shuffle), 0)).Shuffle(len(dirs), func(i, j int) { dirs[i], dirs[j] = dirs[j], dirs[i] })
	}
	if opts.limit > 0 && len(dirs) > opts.limit {
		dirs = dirs[:opts.limit]
	}
	for _, d := range dirs {
		rel, _ := filepath.Rel(modcache, d)
		targets = append(targets, target{name: rel, dir: d, patterns: []string{"./..."}})
	}
	return targets, nil
}

// versionLess orders two module directories by version, roughly (the
// sweep only needs one version per module, preferably a recent one).
func versionLess(a, b string) bool {
	_, va, _ := strings.Cut(filepath.Base(a), "@")
	_, vb, _ := strings.Cut(filepath.Base(b), "@")
	pa, pb := strings.FieldsFunc(va, notDigit), strings.FieldsFunc(vb, notDigit)
	for i := 0; i < len(pa) && i < len(pb); i++ {
		if len(pa[i]) != len(pb[i]) {
			return len(pa[i]) < len(pb[i])
		}
		if pa[i] != pb[i] {
			return pa[i] < pb[i]
		}
	}
	return len(pa) < len(pb)
}

func notDigit(r rune) bool { return r < '0' || r > '9' }

// runOne runs perfvet on a target, offline, and classifies the run.
func runOne(opts options, t target) run {
	ctx, cancel := context.WithTimeout(context.Background(), opts.timeout)
	defer cancel()
	args := append([]string{opts.perfvet, "-timing"}, t.patterns...)
	if opts.nice != 0 {
		args = append([]string{"nice", "-n", fmt.Sprint(opts.nice)}, args...)
	}
	cmd := exec.CommandContext(ctx, args[0], args[1:]...)
	killGroupOnCancel(cmd)
	cmd.Dir = t.dir
	// Offline, and never writing to the read-only module cache.
	cmd.Env = append(os.Environ(), "GOPROXY=off", "GOFLAGS=-mod=readonly", "GOWORK=off")
	var stderr bytes.Buffer
	cmd.Stdout = nil
	cmd.Stderr = &stderr
	start := time.Now()
	err := cmd.Run()
	wall := time.Since(start)
	r := run{target: t, exit: -1, packages: packagesLoaded(stderr.String()), wall: wall}
	if ctx.Err() != nil {
		r.outcome = timeout
		return r
	}
	var exit *exec.ExitError
	if err != nil && !errors.As(err, &exit) {
		r.outcome, r.detail = crash, err.Error()
		return r
	}
	r.exit = cmd.ProcessState.ExitCode()
	r.outcome = classify(r.exit, stderr.String())
	r.detail = crashDetail(r.exit, stderr.String())
	return r
}

// timingLine is the first line perfvet -timing prints.
var timingLine = regexp.MustCompile(`(?m)^perfvet: (\d+) packages, load `)

// packagesLoaded returns the number of root packages from perfvet's
// -timing output, or -1 (perfvet stopped before loading, or crashed).
func packagesLoaded(stderr string) int {
	m := timingLine.FindStringSubmatch(stderr)
	if m == nil {
		return -1
	}
	n, err := strconv.Atoi(m[1])
	if err != nil {
		return -1
	}
	return n
}

// classify tells a crash from a clean result by the exit code and by
// what a crash prints: the runtime's panic, or perfvet's internal error
// (a panic recovered in an analyzer or the command).
func classify(code int, stderr string) outcome {
	if strings.Contains(stderr, "internal error") || strings.Contains(stderr, "panic:") || strings.Contains(stderr, "fatal error:") {
		return crash
	}
	switch code {
	case 0, 1:
		return clean
	case 3:
		return cleanError
	case 2:
		if strings.Contains(stderr, "matches no packages") || strings.Contains(stderr, "no packages matched") {
			return cleanError // a module with no Go package, said so
		}
	}
	return crash
}

func crashDetail(code int, stderr string) string {
	if classify(code, stderr) != crash {
		return ""
	}
	lines := strings.Split(stderr, "\n")
	var keep []string
	for i, l := range lines {
		if strings.Contains(l, "internal error") || strings.Contains(l, "panic:") || strings.Contains(l, "fatal error:") {
			keep = append(keep, lines[i:min(len(lines), i+12)]...)
			break
		}
	}
	if keep == nil {
		keep = lines[max(0, len(lines)-10):]
	}
	return fmt.Sprintf("exit %d:\n%s", code, strings.Join(keep, "\n"))
}

func indent(s string) string {
	return "\t" + strings.ReplaceAll(strings.TrimRight(s, "\n"), "\n", "\n\t")
}
