package main

import (
	"encoding/json"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"sort"
	"strconv"
	"strings"
)

// analyzers is the order of the columns; an analyzer not listed gets a
// column after them.
var analyzers = []string{"nplusone", "timeouts", "pagesize", "cacheinval", "metrics", "limits", "budget"}

type related struct {
	Posn    string `json:"posn"`
	Message string `json:"message"`
}

type finding struct {
	Pkg      string    `json:"-"`
	Analyzer string    `json:"-"`
	Category string    `json:"category"`
	Posn     string    `json:"posn"`
	Message  string    `json:"message"`
	Related  []related `json:"related"`
}

// result is one service's output: its findings and the analyzer errors.
type result struct {
	findings []finding
	errors   []string // "pkg analyzer: error"
}

// parseJSON reads perfvet -json output: package path → analyzer → a list
// of diagnostics, or an object with an "error".
func parseJSON(data []byte) (*result, error) {
	r := &result{}
	if len(strings.TrimSpace(string(data))) == 0 {
		return r, nil
	}
	var raw map[string]map[string]json.RawMessage
	if err := json.Unmarshal(data, &raw); err != nil {
		return nil, err
	}
	for pkg, byAnalyzer := range raw {
		for a, msg := range byAnalyzer {
			var list []finding
			if err := json.Unmarshal(msg, &list); err != nil {
				var e struct {
					Error string `json:"error"`
				}
				if json.Unmarshal(msg, &e) == nil && e.Error != "" {
					r.errors = append(r.errors, pkg+" "+a+": "+e.Error)
					continue
				}
				return nil, fmt.Errorf("%s %s: %w", pkg, a, err)
			}
			for _, f := range list {
				f.Pkg, f.Analyzer = pkg, a
				r.findings = append(r.findings, f)
			}
		}
	}
	sort.Slice(r.findings, func(i, j int) bool {
		fi, fj := r.findings[i], r.findings[j]
		if c := comparePosn(fi.Posn, fj.Posn); c != 0 {
			return c < 0
		}
		if fi.Analyzer != fj.Analyzer {
			return fi.Analyzer < fj.Analyzer
		}
		return fi.Message < fj.Message
	})
	sort.Strings(r.errors)
	return r, nil
}

func readResult(path string) (*result, error) {
	data, err := os.ReadFile(path)
	if err != nil {
		return nil, err
	}
	return parseJSON(data)
}

// splitPosn splits "file:line:col" (or "file:line").
func splitPosn(p string) (file string, line, col int) {
	rest := p
	nums := []int{}
	for range 2 {
		i := strings.LastIndexByte(rest, ':')
		if i < 0 {
			break
		}
		n, err := strconv.Atoi(rest[i+1:])
		if err != nil {
			break
		}
		nums = append([]int{n}, nums...)
		rest = rest[:i]
	}
	switch len(nums) {
	case 2:
		return rest, nums[0], nums[1]
	case 1:
		return rest, nums[0], 0
	}
	return p, 0, 0
}

func comparePosn(a, b string) int {
	fa, la, ca := splitPosn(a)
	fb, lb, cb := splitPosn(b)
	switch {
	case fa != fb:
		return strings.Compare(fa, fb)
	case la != lb:
		return la - lb
	}
	return ca - cb
}

// rel makes a position relative to root.
func rel(root, posn string) string {
	if root == "" {
		return posn
	}
	if r, err := filepath.Rel(root, posn); err == nil && !strings.HasPrefix(r, "..") {
		return r
	}
	return posn
}

// writeText prints findings as perfvet's text output does, with the
// related positions indented below each finding, paths relative to root.
func writeText(w io.Writer, root string, r *result) {
	for _, f := range r.findings {
		fmt.Fprintf(w, "%s: %s [%s/%s]\n", rel(root, f.Posn), f.Message, f.Analyzer, f.Category)
		for _, x := range f.Related {
			fmt.Fprintf(w, "\t%s: %s\n", rel(root, x.Posn), x.Message)
		}
	}
	for _, e := range r.errors {
		fmt.Fprintf(w, "error: %s\n", e)
	}
}

// key identifies a finding across two runs of the same tree.
func (f finding) key(root string) string {
	file, line, _ := splitPosn(f.Posn)
	return fmt.Sprintf("%s:%d %s/%s", rel(root, file), line, f.Analyzer, f.Category)
}
