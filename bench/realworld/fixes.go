package main

import (
	"bytes"
	"errors"
	"flag"
	"fmt"
	"go/ast"
	"go/parser"
	"go/token"
	"os"
	"path/filepath"
	"regexp"
	"sort"
	"strconv"
	"strings"
)

// cmdCheckout writes each service of services.tsv at its pinned commit
// into src/NAME, from a directory of bare git mirrors. Nothing is fetched.
func cmdCheckout(args []string) error {
	fs := flag.NewFlagSet("checkout", flag.ExitOnError)
	var c common
	only := c.bind(fs)
	mirror := fs.String("mirror", "/work/.mirror", "directory of bare git mirrors (owner+name/repo)")
	src := fs.String("src", "/work/rw/src", "destination: one directory per service")
	if err := fs.Parse(args); err != nil {
		return err
	}
	c.only = splitSet(*only)
	services, err := readTable(c.services, "name", "repo", "commit", "moddir")
	if err != nil {
		return err
	}
	for _, s := range services.rows {
		if c.only != nil && !c.only[s["name"]] {
			continue
		}
		dest := filepath.Join(*src, s["name"])
		if _, err := os.Stat(dest); err == nil {
			fmt.Fprintf(os.Stderr, "%s: %s exists, left as it is\n", s["name"], dest)
			continue
		}
		g, err := gitDir(*mirror, s["repo"])
		if err != nil {
			return err
		}
		if err := extract(g, s["commit"], dest); err != nil {
			return fmt.Errorf("%s: %w", s["name"], err)
		}
		fmt.Fprintf(os.Stderr, "%s: %s at %s\n", s["name"], dest, s["commit"])
	}
	return nil
}

// reuse is the -reuse flag of fixes.
var reuse bool

// fixOutcome is the result of one row of fixes.tsv.
type fixOutcome struct {
	id, repo, analyzer string
	flagged, silent    string // "yes", "no", or "error: ..."
	note               string
}

// cmdFixes measures recall on real fix commits: for each row, perfvet
// runs on the packages touched at the parent and at the fix, and a
// finding of the expected analyzer inside the function named (in the
// file named) counts.
func cmdFixes(args []string) error {
	fs := flag.NewFlagSet("fixes", flag.ExitOnError)
	var c common
	only := c.bind(fs)
	fixes := fs.String("fixes", filepath.Join(here(), "fixes.tsv"), "the table of fix commits")
	mirror := fs.String("mirror", "/work/.mirror", "directory of bare git mirrors (owner+name/repo)")
	work := fs.String("work", "/work/rw/fixsrc", "where the parent and fix trees are written (kept for reuse)")
	out := fs.String("out", "", "output directory")
	fs.BoolVar(&reuse, "reuse", false, "reuse the JSON outputs already in -out (of the same perfvet binary) instead of running again")
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
	t, err := readTable(*fixes, "id", "repo", "parent", "fix", "file", "func", "analyzer")
	if err != nil {
		return err
	}
	for _, d := range []string{*out, *work} {
		if err := os.MkdirAll(d, 0o755); err != nil {
			return err
		}
	}
	var outcomes []fixOutcome
	for _, f := range t.rows {
		if c.only != nil && !c.only[f["id"]] {
			continue
		}
		o := fixOutcome{id: f["id"], repo: f["repo"], analyzer: f["analyzer"]}
		o.flagged, o.note = checkFix(bin, *mirror, *work, *out, f, "parent", c)
		hit, note := checkFix(bin, *mirror, *work, *out, f, "fix", c)
		switch hit {
		case "yes":
			o.silent = "no"
		case "no":
			o.silent = "yes"
		default:
			o.silent = hit
		}
		o.note = strings.TrimSpace(o.note + " " + note)
		fmt.Fprintf(os.Stderr, "%s %s %s: flagged on parent %s, silent after fix %s %s\n", o.id, o.repo, o.analyzer, o.flagged, o.silent, o.note)
		outcomes = append(outcomes, o)
	}
	var b bytes.Buffer
	fmt.Fprintf(&b, "| id | repo | analyzer | flagged on parent | silent after fix | note |\n|---|---|---|---|---|---|\n")
	// flaggedRelated also counts a parent whose only finding in the
	// function is a related position: a read that limits reports once,
	// where the program serves, with the reads related (one cause, one
	// finding).
	type tally struct{ n, flagged, flaggedRelated, silent, silentOfFlagged int }
	per := map[string]*tally{}
	all := &tally{}
	for _, o := range outcomes {
		fmt.Fprintf(&b, "| %s | %s | %s | %s | %s | %s |\n", o.id, o.repo, o.analyzer, o.flagged, o.silent, o.note)
		for _, t := range []*tally{all, perGet(per, o.analyzer)} {
			t.n++
			if o.flagged == "yes" || strings.Contains(o.note, "parent: only a related position") {
				t.flaggedRelated++
			}
			if o.flagged == "yes" {
				t.flagged++
				if o.silent == "yes" {
					t.silentOfFlagged++
				}
			}
			if o.silent == "yes" {
				t.silent++
			}
		}
	}
	names := make([]string, 0, len(per))
	for k := range per {
		names = append(names, k)
	}
	sort.Strings(names)
	fmt.Fprintf(&b, "\n| analyzer | fixes | flagged on parent | flagged, or a related position | silent after fix | flagged and silent after |\n|---|--:|--:|--:|--:|--:|\n")
	for _, k := range append(names, "all") {
		t := all
		if k != "all" {
			t = per[k]
		}
		fmt.Fprintf(&b, "| %s | %d | %d (%s) | %d (%s) | %d (%s) | %d |\n", k, t.n, t.flagged, pct(t.flagged, t.n), t.flaggedRelated, pct(t.flaggedRelated, t.n), t.silent, pct(t.silent, t.n), t.silentOfFlagged)
	}
	if err := os.WriteFile(filepath.Join(*out, "fixes.md"), b.Bytes(), 0o644); err != nil {
		return err
	}
	_, err = os.Stdout.Write(b.Bytes())
	return err
}

func perGet[T any](m map[string]*T, k string) *T {
	if m[k] == nil {
		m[k] = new(T)
	}
	return m[k]
}

func pct(a, n int) string {
	if n == 0 {
		return "-"
	}
	return fmt.Sprintf("%.0f%%", float64(a)*100/float64(n))
}

// checkFix runs perfvet on one side ("parent" or "fix") of a row and says
// whether the expected analyzer reports inside the function.
func checkFix(bin, mirror, work, out string, f map[string]string, side string, c common) (hit, note string) {
	commit := f[side]
	g, err := gitDir(mirror, f["repo"])
	if err != nil {
		return "error: " + err.Error(), ""
	}
	tree := filepath.Join(work, strings.ReplaceAll(f["repo"], "/", "+")+"@"+shortSHA(commit))
	if _, err := os.Stat(tree); err != nil {
		if err := extract(g, commit, tree); err != nil {
			return "error: " + err.Error(), ""
		}
	}
	// Frontend builds that go:embed patterns need are not in the
	// repository: an empty placeholder lets the package load.
	for _, ph := range strings.Fields(f["placeholders"]) {
		p := filepath.Join(tree, filepath.FromSlash(ph))
		if _, err := os.Stat(p); err != nil {
			if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
				return "error: " + err.Error(), ""
			}
			if err := os.WriteFile(p, []byte("placeholder\n"), 0o644); err != nil {
				return "error: " + err.Error(), ""
			}
		}
	}
	file := filepath.Join(tree, filepath.FromSlash(f["file"]))
	if _, err := os.Stat(file); err != nil {
		return "error: no " + f["file"], ""
	}
	mod := moduleRoot(tree, filepath.Dir(file))
	if mod == "" {
		return "error: no go.mod above " + f["file"], ""
	}
	pkgs := strings.Fields(f["packages"])
	if len(pkgs) == 0 {
		r, _ := filepath.Rel(mod, filepath.Dir(file))
		pkgs = []string{"./" + filepath.ToSlash(r)}
	}
	lo, hi := 1, 1<<30
	if fn := f["func"]; fn != "" && fn != "-" {
		var ok bool
		lo, hi, ok = funcSpan(file, fn)
		if !ok && side == "fix" {
			// The fix removed or renamed the function: what the
			// file still reports counts.
			lo, hi, note = 1, 1<<30, "fix: "+fn+" gone, whole file checked"
		} else if !ok {
			return "error: no func " + fn + " in " + f["file"], ""
		}
	}
	var stdout, stderr bytes.Buffer
	base := filepath.Join(out, f["id"]+"-"+side)
	var exit int
	var timedOut bool
	if prev, err := os.ReadFile(base + ".json"); err == nil && reuse && len(prev) > 0 {
		// -reuse: the output of an earlier run of the same binary.
		stdout.Write(prev)
		exit = 1
	} else {
		exit, _, timedOut = runPerfvet(bin, mod, pkgs, c.timeout, &stdout, &stderr)
		if err := os.WriteFile(base+".json", stdout.Bytes(), 0o644); err != nil {
			return "error: " + err.Error(), ""
		}
		if err := os.WriteFile(base+".stderr", stderr.Bytes(), 0o644); err != nil {
			return "error: " + err.Error(), ""
		}
	}
	if timedOut {
		return "error: timeout", ""
	}
	r, err := parseJSON(stdout.Bytes())
	if err != nil {
		return "error: exit " + strconv.Itoa(exit) + " " + firstLine(stderr.String()), ""
	}
	var text bytes.Buffer
	writeText(&text, mod, r)
	if err := os.WriteFile(base+".txt", text.Bytes(), 0o644); err != nil {
		fmt.Fprintln(os.Stderr, err)
	}
	if exit == 3 {
		note = strings.TrimSpace(note + fmt.Sprintf(" %s: exit 3 (load errors, %d analyzer errors)", side, len(r.errors)))
	}
	var match *regexp.Regexp
	if m := f["match"]; m != "" {
		re, err := regexp.Compile(m)
		if err != nil {
			return "error: match: " + err.Error(), note
		}
		match = re
	}
	related := false
	for _, x := range r.findings {
		if x.Analyzer != f["analyzer"] || match != nil && !match.MatchString(x.Message) {
			continue
		}
		if inSpan(x.Posn, file, lo, hi) {
			return "yes", note
		}
		for _, y := range x.Related {
			if inSpan(y.Posn, file, lo, hi) {
				related = true
			}
		}
	}
	if related {
		note = strings.TrimSpace(note + " " + side + ": only a related position in the function")
	}
	if exit != 0 && exit != 1 && exit != 3 {
		return "error: exit " + strconv.Itoa(exit) + " " + firstLine(stderr.String()), note
	}
	return "no", note
}

func inSpan(posn, file string, lo, hi int) bool {
	pf, line, _ := splitPosn(posn)
	return sameFile(pf, file) && line >= lo && line <= hi
}

func sameFile(a, b string) bool {
	if a == b {
		return true
	}
	ra, err1 := filepath.EvalSymlinks(a)
	rb, err2 := filepath.EvalSymlinks(b)
	return err1 == nil && err2 == nil && ra == rb
}

func firstLine(s string) string {
	s, _, _ = strings.Cut(strings.TrimSpace(s), "\n")
	if len(s) > 200 {
		s = s[:200]
	}
	return s
}

func shortSHA(s string) string {
	if len(s) > 12 {
		return s[:12]
	}
	return s
}

// moduleRoot walks up from dir (inside tree) to the nearest go.mod.
func moduleRoot(tree, dir string) string {
	for d := dir; ; d = filepath.Dir(d) {
		if _, err := os.Stat(filepath.Join(d, "go.mod")); err == nil {
			return d
		}
		if d == tree || d == filepath.Dir(d) {
			return ""
		}
	}
}

// funcSpan finds the lines of a function declaration in file: name is
// "F", "T.M" or "(*T).M" (the receiver's pointer is ignored).
func funcSpan(file, name string) (lo, hi int, ok bool) {
	fset := token.NewFileSet()
	af, err := parser.ParseFile(fset, file, nil, parser.SkipObjectResolution)
	if err != nil {
		return 0, 0, false
	}
	recv, fn := "", name
	if i := strings.LastIndexByte(name, '.'); i >= 0 {
		recv, fn = name[:i], name[i+1:]
		recv = strings.Trim(recv, "()*")
	}
	for _, d := range af.Decls {
		fd, isFunc := d.(*ast.FuncDecl)
		if !isFunc || fd.Name.Name != fn {
			continue
		}
		if recvName(fd) != recv {
			continue
		}
		return fset.Position(fd.Pos()).Line, fset.Position(fd.End()).Line, true
	}
	return 0, 0, false
}

func recvName(fd *ast.FuncDecl) string {
	if fd.Recv == nil || len(fd.Recv.List) == 0 {
		return ""
	}
	t := fd.Recv.List[0].Type
	for {
		switch x := t.(type) {
		case *ast.StarExpr:
			t = x.X
		case *ast.IndexExpr:
			t = x.X
		case *ast.IndexListExpr:
			t = x.X
		case *ast.Ident:
			return x.Name
		default:
			return ""
		}
	}
}
