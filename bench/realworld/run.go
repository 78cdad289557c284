package main

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"os/exec"
	"path/filepath"
	"sort"
	"strings"
	"time"
)

// meta is what a run records beside a service's findings.
type meta struct {
	Name     string  `json:"name"`
	Repo     string  `json:"repo"`
	Commit   string  `json:"commit"`
	Dir      string  `json:"dir"`
	Packages string  `json:"packages"`
	Perfvet  string  `json:"perfvet"`
	Exit     int     `json:"exit"`
	Seconds  float64 `json:"seconds"`
	Lines    int     `json:"lines"`
	Files    int     `json:"files"`
	TimedOut bool    `json:"timed_out,omitempty"`
}

func cmdRun(args []string) error {
	fs := flag.NewFlagSet("run", flag.ExitOnError)
	var c common
	only := c.bind(fs)
	src := fs.String("src", "/work/rw/src", "directory holding one checked-out service per name")
	out := fs.String("out", "", "output directory")
	if err := fs.Parse(args); err != nil {
		return err
	}
	c.only = splitSet(*only)
	if c.perfvet == "" || *out == "" {
		return errors.New("-perfvet and -out are required")
	}
	bin, err := absPath(c.perfvet)
	if err != nil {
		return err
	}
	services, err := readTable(c.services, "name", "repo", "commit", "moddir")
	if err != nil {
		return err
	}
	if err := os.MkdirAll(*out, 0o755); err != nil {
		return err
	}
	for _, s := range services.rows {
		if c.only != nil && !c.only[s["name"]] {
			continue
		}
		m, err := runService(bin, *src, *out, s, c.timeout)
		if err != nil {
			fmt.Fprintf(os.Stderr, "%s: %v\n", s["name"], err)
			continue
		}
		r, err := readResult(filepath.Join(*out, m.Name+".json"))
		if err != nil {
			fmt.Fprintf(os.Stderr, "%s: %v\n", m.Name, err)
			r = &result{}
		}
		fmt.Fprintf(os.Stderr, "%s: %d lines, %d findings, %d analyzer errors, %.1fs, exit %d\n",
			m.Name, m.Lines, len(r.findings), len(r.errors), m.Seconds, m.Exit)
	}
	return summarize(os.Stdout, *out, services)
}

// runService runs perfvet -json on one service, one run at a time.
func runService(bin, src, out string, s map[string]string, timeout time.Duration) (meta, error) {
	m := meta{Name: s["name"], Repo: s["repo"], Commit: s["commit"], Perfvet: bin}
	m.Dir = filepath.Join(src, m.Name, s["moddir"])
	if _, err := os.Stat(filepath.Join(m.Dir, "go.mod")); err != nil {
		return m, fmt.Errorf("no go.mod in %s (check out %s at %s there)", m.Dir, m.Repo, m.Commit)
	}
	m.Packages = s["packages"]
	if m.Packages == "" {
		m.Packages = "./..."
	}
	var err error
	m.Lines, m.Files, err = countLines(m.Dir)
	if err != nil {
		return m, err
	}
	var stdout, stderr bytes.Buffer
	m.Exit, m.Seconds, m.TimedOut = runPerfvet(bin, m.Dir, strings.Fields(m.Packages), timeout, &stdout, &stderr)
	r, perr := parseJSON(stdout.Bytes())
	if perr != nil {
		fmt.Fprintf(&stderr, "realworld: cannot parse the JSON output: %v\n", perr)
		r = &result{}
	}
	var text bytes.Buffer
	writeText(&text, m.Dir, r)
	mj, _ := json.MarshalIndent(m, "", "\t")
	for name, data := range map[string][]byte{
		m.Name + ".json":   stdout.Bytes(),
		m.Name + ".stderr": stderr.Bytes(),
		m.Name + ".txt":    text.Bytes(),
		m.Name + ".meta":   append(mj, '\n'),
	} {
		if err := os.WriteFile(filepath.Join(out, name), data, 0o644); err != nil {
			return m, err
		}
	}
	return m, nil
}

// runPerfvet runs bin -json pkgs in dir and returns its exit code (-1 if it
// did not exit by itself) and wall time.
func runPerfvet(bin, dir string, pkgs []string, timeout time.Duration, stdout, stderr io.Writer) (exit int, seconds float64, timedOut bool) {
	ctx, cancel := context.WithTimeout(context.Background(), timeout)
	defer cancel()
	env, pkgs := splitEnv(pkgs)
	cmd := exec.CommandContext(ctx, bin, append([]string{"-json"}, pkgs...)...)
	cmd.Dir = dir
	if len(env) > 0 {
		cmd.Env = append(os.Environ(), env...)
	}
	cmd.Stdout, cmd.Stderr = stdout, stderr
	start := time.Now()
	err := cmd.Run()
	seconds = time.Since(start).Seconds()
	var ee *exec.ExitError
	switch {
	case ctx.Err() != nil:
		return -1, seconds, true
	case err == nil:
		return 0, seconds, false
	case errors.As(err, &ee):
		return ee.ExitCode(), seconds, false
	}
	fmt.Fprintf(stderr, "realworld: %v\n", err)
	return -1, seconds, false
}

// splitEnv splits the leading NAME=VALUE words of a packages column, set in
// perfvet's environment as a shell would (zot builds only with
// GOEXPERIMENT=jsonv2), from the package patterns after them.
func splitEnv(words []string) (env, pkgs []string) {
	for len(words) > 0 && isEnvAssign(words[0]) {
		env, words = append(env, words[0]), words[1:]
	}
	return env, words
}

// isEnvAssign reports whether w is NAME=VALUE with an upper-case NAME, which
// no package pattern is.
func isEnvAssign(w string) bool {
	name, _, ok := strings.Cut(w, "=")
	if !ok || name == "" {
		return false
	}
	return !strings.ContainsFunc(name, func(r rune) bool {
		return (r < 'A' || r > 'Z') && (r < '0' || r > '9') && r != '_'
	})
}

func cmdSummary(args []string) error {
	fs := flag.NewFlagSet("summary", flag.ExitOnError)
	var c common
	c.bind(fs)
	out := fs.String("out", "", "output directory of a run")
	if err := fs.Parse(args); err != nil {
		return err
	}
	if *out == "" {
		return errors.New("-out is required")
	}
	services, err := readTable(c.services, "name", "repo", "commit", "moddir")
	if err != nil {
		return err
	}
	return summarize(os.Stdout, *out, services)
}

// row is one service's line of the table.
type row struct {
	meta
	byAnalyzer map[string]int
	byCategory map[string]int // "analyzer/category"
	total      int
	errors     int
}

func (r row) per1k() float64 {
	if r.Lines == 0 {
		return 0
	}
	return float64(r.total) * 1000 / float64(r.Lines)
}

// loadRows reads the results of a run directory, in the order of the table.
func loadRows(out string, services *table) ([]row, []string, error) {
	var rows []row
	cols := append([]string(nil), analyzers...)
	for _, s := range services.rows {
		mpath := filepath.Join(out, s["name"]+".meta")
		data, err := os.ReadFile(mpath)
		if err != nil {
			continue
		}
		var m meta
		if err := json.Unmarshal(data, &m); err != nil {
			return nil, nil, fmt.Errorf("%s: %w", mpath, err)
		}
		r, err := readResult(filepath.Join(out, s["name"]+".json"))
		if err != nil {
			return nil, nil, fmt.Errorf("%s: %w", s["name"], err)
		}
		x := row{meta: m, byAnalyzer: map[string]int{}, byCategory: map[string]int{}, total: len(r.findings), errors: len(r.errors)}
		for _, f := range r.findings {
			x.byAnalyzer[f.Analyzer]++
			x.byCategory[f.Analyzer+"/"+f.Category]++
			if !contains(cols, f.Analyzer) {
				cols = append(cols, f.Analyzer)
			}
		}
		rows = append(rows, x)
	}
	return rows, cols, nil
}

func summarize(w io.Writer, out string, services *table) error {
	rows, cols, err := loadRows(out, services)
	if err != nil {
		return err
	}
	var b bytes.Buffer
	fmt.Fprintf(&b, "| service | lines | %s | total | per 1k lines | seconds | exit | analyzer errors |\n", strings.Join(cols, " | "))
	fmt.Fprintf(&b, "|---|--:|%s--:|--:|--:|--:|--:|\n", strings.Repeat("--:|", len(cols)))
	var per1k []float64
	sumLines, sumTotal, sumSeconds := 0, 0, 0.0
	sumBy := map[string]int{}
	for _, r := range rows {
		var counts []string
		for _, a := range cols {
			counts = append(counts, fmt.Sprint(r.byAnalyzer[a]))
			sumBy[a] += r.byAnalyzer[a]
		}
		exit := fmt.Sprint(r.Exit)
		if r.TimedOut {
			exit = "timeout"
		}
		fmt.Fprintf(&b, "| %s | %d | %s | %d | %.2f | %.0f | %s | %d |\n",
			r.Name, r.Lines, strings.Join(counts, " | "), r.total, r.per1k(), r.Seconds, exit, r.errors)
		per1k = append(per1k, r.per1k())
		sumLines += r.Lines
		sumTotal += r.total
		sumSeconds += r.Seconds
	}
	var counts []string
	for _, a := range cols {
		counts = append(counts, fmt.Sprint(sumBy[a]))
	}
	all := 0.0
	if sumLines > 0 {
		all = float64(sumTotal) * 1000 / float64(sumLines)
	}
	fmt.Fprintf(&b, "| **all %d** | %d | %s | %d | %.2f | %.0f | | |\n", len(rows), sumLines, strings.Join(counts, " | "), sumTotal, all, sumSeconds)
	if len(per1k) > 0 {
		sort.Float64s(per1k)
		fmt.Fprintf(&b, "\nfindings per 1,000 lines: median %.2f, min %.2f, max %.2f; distribution %s\n",
			median(per1k), per1k[0], per1k[len(per1k)-1], fmtFloats(per1k))
	}
	// Categories, the finer view.
	cats := map[string]int{}
	for _, r := range rows {
		for k, n := range r.byCategory {
			cats[k] += n
		}
	}
	keys := make([]string, 0, len(cats))
	for k := range cats {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	fmt.Fprintf(&b, "\nfindings by analyzer/category:")
	for _, k := range keys {
		fmt.Fprintf(&b, " %s %d;", k, cats[k])
	}
	fmt.Fprintln(&b)
	if err := os.WriteFile(filepath.Join(out, "summary.md"), b.Bytes(), 0o644); err != nil {
		return err
	}
	_, err = w.Write(b.Bytes())
	return err
}

func median(xs []float64) float64 {
	n := len(xs)
	if n == 0 {
		return 0
	}
	if n%2 == 1 {
		return xs[n/2]
	}
	return (xs[n/2-1] + xs[n/2]) / 2
}

func fmtFloats(xs []float64) string {
	s := make([]string, 0, len(xs))
	for _, x := range xs {
		s = append(s, fmt.Sprintf("%.2f", x))
	}
	return strings.Join(s, " ")
}
