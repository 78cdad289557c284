package lint

import (
	"slices"
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

func TestOwner(t *testing.T) {
	for _, tt := range []struct {
		names []string
		owner string
	}{
		{[]string{"timeouts", "nplusone"}, "timeouts"},
		{[]string{"speed", "pagesize"}, "pagesize"},
		{[]string{"speed"}, Analyzers[0]},
		{nil, Analyzers[0]},
	} {
		d := &directive{analyzers: tt.names}
		if got := d.owner(); got != tt.owner {
			t.Errorf("owner(%v) = %s, want %s", tt.names, got, tt.owner)
		}
	}
}
