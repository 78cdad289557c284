package main_test

import (
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"github.com/perfvet/perfvet/plugin"
)

// reachCount matches the count a finding at a cause writes
// (analysisutil.ReachPhrase).
var reachCount = regexp.MustCompile(`\b(\d+) ([a-z][a-z ]*?)s? (?:reaches|reach) it\b`)

// One cause, one finding, under golangci-lint: testdata/e2e-causes has a
// storage package whose methods drop the context, reached from handlers in
// two sibling packages (ui and api), each of which reports the cause at
// the storage method; admin imports ui and reports nothing. golangci-lint
// does not merge findings, but its default uniq-by-line keeps one issue per
// line: one per cause, with the request paths of the package whose issue
// came first. With uniq-by-line off, the siblings' findings both show.
func TestCauses(t *testing.T) {
	dir := filepath.Join(repoRoot, "testdata", "e2e-causes")
	perfvet, _ := perfvetFindings(t, dir, "./...")
	want := normalizeCounts(perfvet)
	if len(want) != 3 {
		t.Fatalf("perfvet: %d findings, want 3 (one per cause):\n\t%s", len(want), strings.Join(want, "\n\t"))
	}

	// golangci-lint's defaults (uniq-by-line: true).
	cfg := strings.Replace(gclConfig(plugin.Names(), ""), "  uniq-by-line: false\n", "", 1)
	got, _, code := gclIssues(t, dir, cfg, "./...")
	if code != 1 {
		t.Errorf("exit code %d, want 1", code)
	}
	diff(t, "perfvet-gcl, uniq-by-line on", normalizeCounts(got), want)

	// uniq-by-line off: ui and api each report Entries (2 and 1 request
	// paths) and fetchUser (1 each: the same issue, which golangci-lint
	// drops as a duplicate), ui reports Feeds.
	got, _, _ = gclIssues(t, dir, gclConfig(plugin.Names(), ""), "./...")
	if len(got) != 4 {
		t.Errorf("perfvet-gcl, uniq-by-line off: %d findings, want 4 (Entries by ui and by api, fetchUser, Feeds):\n\t%s", len(got), strings.Join(got, "\n\t"))
	}
	for _, g := range got {
		if strings.HasPrefix(g, "admin/") {
			t.Errorf("perfvet-gcl reported in admin, which imports ui: %s", g)
		}
	}
	diff(t, "perfvet-gcl, uniq-by-line off, counts aside", dedup(normalizeCounts(got)), want)
}

func normalizeCounts(fs findings) findings {
	out := make(findings, len(fs))
	for i, f := range fs {
		out[i] = reachCount.ReplaceAllString(f, "# $2 reach it")
	}
	return out
}

func dedup(fs findings) findings {
	var out findings
	for i, f := range fs {
		if i == 0 || f != fs[i-1] {
			out = append(out, f)
		}
	}
	return out
}
