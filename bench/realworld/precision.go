package main

import (
	"encoding/json"
	"errors"
	"flag"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"sort"
	"strings"
)

// cmdPrecision prints the judged precision of a verdict table
// (judged-before.tsv): per analyzer, per analyzer/category and per
// service, the findings judged and the share judged true.
func cmdPrecision(args []string) error {
	fs := flag.NewFlagSet("precision", flag.ExitOnError)
	judged := fs.String("judged", filepath.Join(here(), "judged-before.tsv"), "the table of verdicts")
	run := fs.String("run", "", "a run's output directory: tally only the rows whose finding (file:line, analyzer) it reports")
	if err := fs.Parse(args); err != nil {
		return err
	}
	t, err := readTable(*judged, "service", "file:line", "analyzer", "verdict")
	if err != nil {
		return err
	}
	if *run != "" {
		kept, err := reportedRows(t, *run)
		if err != nil {
			return err
		}
		fmt.Printf("%d of %d rows reported by %s\n", len(kept), len(t.rows), *run)
		t.rows = kept
	}
	type tally struct{ n, yes int }
	groups := map[string]map[string]*tally{"analyzer": {}, "analyzer/category": {}, "service": {}}
	all := &tally{}
	for _, r := range t.rows {
		v := strings.ToLower(r["verdict"])
		if v != "true" && v != "false" {
			return fmt.Errorf("%s: verdict %q is neither true nor false", r["file:line"], r["verdict"])
		}
		for g, k := range map[string]string{
			"analyzer":          r["analyzer"],
			"analyzer/category": r["analyzer"] + "/" + r["category"],
			"service":           r["service"],
		} {
			x := perGet(groups[g], k)
			x.n++
			if v == "true" {
				x.yes++
			}
		}
		all.n++
		if v == "true" {
			all.yes++
		}
	}
	for _, g := range []string{"analyzer", "analyzer/category", "service"} {
		fmt.Printf("\n| %s | judged | true | precision |\n|---|--:|--:|--:|\n", g)
		keys := make([]string, 0, len(groups[g]))
		for k := range groups[g] {
			keys = append(keys, k)
		}
		sort.Strings(keys)
		for _, k := range keys {
			x := groups[g][k]
			fmt.Printf("| %s | %d | %d | %s |\n", k, x.n, x.yes, pct(x.yes, x.n))
		}
	}
	fmt.Printf("\nall: %d judged, %d true, precision %s\n", all.n, all.yes, pct(all.yes, all.n))
	// Per cause: the findings of one cluster (same service and cluster)
	// count once, true if any of them is true.
	type cause struct {
		analyzer string
		yes      bool
	}
	causes := map[string]*cause{}
	for i, r := range t.rows {
		k := fmt.Sprint("row", i)
		if c := r["cluster"]; c != "" {
			k = r["service"] + "/" + c + "/" + r["analyzer"]
		}
		x := causes[k]
		if x == nil {
			x = &cause{analyzer: r["analyzer"]}
			causes[k] = x
		}
		x.yes = x.yes || strings.EqualFold(r["verdict"], "true")
	}
	perCause := map[string]*tally{}
	for _, c := range causes {
		x := perGet(perCause, c.analyzer)
		x.n++
		if c.yes {
			x.yes++
		}
	}
	keys := make([]string, 0, len(perCause))
	for k := range perCause {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	fmt.Printf("\n| analyzer (per cause: a cluster counts once) | causes | true | precision |\n|---|--:|--:|--:|\n")
	for _, k := range keys {
		fmt.Printf("| %s | %d | %d | %s |\n", k, perCause[k].n, perCause[k].yes, pct(perCause[k].yes, perCause[k].n))
	}
	if all.n == 0 {
		os.Exit(1)
	}
	return nil
}

// reportedRows returns the rows of a verdict table whose finding a run
// reports: same service, file:line and analyzer.
func reportedRows(t *table, out string) ([]map[string]string, error) {
	reported := map[string]map[string]bool{} // service → "file:line analyzer"
	keys := func(service string) (map[string]bool, error) {
		if k, ok := reported[service]; ok {
			return k, nil
		}
		k := map[string]bool{}
		reported[service] = k
		data, err := os.ReadFile(filepath.Join(out, service+".meta"))
		if errors.Is(err, fs.ErrNotExist) {
			return k, nil // not run: nothing reported
		}
		if err != nil {
			return nil, err
		}
		var m meta
		if err := json.Unmarshal(data, &m); err != nil {
			return nil, fmt.Errorf("%s.meta: %w", service, err)
		}
		r, err := readResult(filepath.Join(out, service+".json"))
		if err != nil {
			return nil, fmt.Errorf("%s: %w", service, err)
		}
		for _, f := range r.findings {
			file, line, _ := splitPosn(f.Posn)
			k[fmt.Sprintf("%s:%d %s", rel(m.Dir, file), line, f.Analyzer)] = true
		}
		return k, nil
	}
	var kept []map[string]string
	for _, r := range t.rows {
		k, err := keys(r["service"])
		if err != nil {
			return nil, err
		}
		if k[r["file:line"]+" "+r["analyzer"]] {
			kept = append(kept, r)
		}
	}
	return kept, nil
}
