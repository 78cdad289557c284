package lint

import (
	"slices"
	"strings"
	"testing"
)

func TestParseDirective(t *testing.T) {
	tests := []struct {
		text      string
		ok        bool
		analyzers []string
		reason    string
	}{
		{"//perfvet:ignore timeouts a local sidecar", true, []string{"timeouts"}, "a local sidecar"},
		{"//perfvet:ignore timeouts,nplusone  two  spaces", true, []string{"timeouts", "nplusone"}, "two spaces"},
		{"//perfvet:ignore timeouts", true, []string{"timeouts"}, ""},
		{"//perfvet:ignore", true, nil, ""},
		{"//perfvet:ignored timeouts x", false, nil, ""},
		{"// perfvet:ignore timeouts x", false, nil, ""},
		{"//nolint:perfvet", false, nil, ""},
	}
	for _, tt := range tests {
		d := parseDirective(tt.text)
		if (d != nil) != tt.ok {
			t.Errorf("parseDirective(%q) = %v, want ok=%v", tt.text, d, tt.ok)
			continue
		}
		if d == nil {
			continue
		}
		if !slices.Equal(d.analyzers, tt.analyzers) || d.reason != tt.reason {
			t.Errorf("parseDirective(%q) = %v %q, want %v %q", tt.text, d.analyzers, d.reason, tt.analyzers, tt.reason)
		}
	}
}

// testAnalyzers stands for the registry's analyzer names (analyzers.Names),
// which this package cannot import.
var testAnalyzers = []string{"budget", "cacheinval", "limits", "metrics", "nplusone", "pagesize", "timeouts"}

func TestMalformed(t *testing.T) {
	for _, tt := range []struct {
		text string
		want []string // message prefixes
	}{
		{"//perfvet:ignore timeouts a reason", nil},
		{"//perfvet:ignore", []string{"malformed perfvet:ignore directive"}},
		{"//perfvet:ignore timeouts", []string{"perfvet:ignore directive has no reason"}},
		{"//perfvet:ignore timeout,bogus why", []string{`perfvet:ignore names unknown analyzer "timeout", so it suppresses nothing for it; did you mean "timeouts"?`, `perfvet:ignore names unknown analyzer "bogus"`}},
		{"//perfvet:ignore bogus", []string{"perfvet:ignore directive has no reason", `perfvet:ignore names unknown analyzer "bogus"`}},
	} {
		got := directives{parseDirective(tt.text)}.malformed(testAnalyzers)
		if len(got) != len(tt.want) {
			t.Errorf("%s: got %d findings, want %d: %v", tt.text, len(got), len(tt.want), got)
			continue
		}
		for i, w := range tt.want {
			if !strings.HasPrefix(got[i].Message, w) || got[i].Category != "directive" {
				t.Errorf("%s: finding %d = %q (%s), want %q...", tt.text, i, got[i].Message, got[i].Category, w)
			}
		}
		// Analyzers only report their own unused directives.
		for _, name := range testAnalyzers {
			for _, p := range (directives{parseDirective(tt.text)}).problems(name) {
				if !strings.Contains(p.Message, "suppresses no "+name) {
					t.Errorf("%s: analyzer %s reports %q", tt.text, name, p.Message)
				}
			}
		}
	}
}
