package cacheinval

import "testing"

func TestOverlap(t *testing.T) {
	for _, tc := range []struct {
		a, b     string
		planGlob bool
		want     bool
	}{
		{"product:*", "product:*", false, true},
		{"product:*", "product:42", false, true},
		{"product:*", "products:list:*", false, false},
		{"user:*", "user:*:sessions", false, false},
		{"user:*", "user:*:sessions", true, true},
		{"*:list:*", "products:list:*", true, true},
		{"*", "anything:at:all", false, true},
		{"a:*:c", "a:b:*", false, true},
		{"a:*:c", "a:b:d", false, false},
		{"homepage", "homepage", false, true},
		{"homepage", "home", false, false},
	} {
		if got := overlap(tc.a, tc.b, tc.planGlob); got != tc.want {
			t.Errorf("overlap(%q, %q, %v) = %v, want %v", tc.a, tc.b, tc.planGlob, got, tc.want)
		}
		if got := overlap(tc.b, tc.a, tc.planGlob); got != tc.want {
			t.Errorf("overlap(%q, %q, %v) = %v, want %v", tc.b, tc.a, tc.planGlob, got, tc.want)
		}
	}
}

func TestFormatShape(t *testing.T) {
	for format, want := range map[string]string{
		"user:%d:sessions": "user:*:sessions",
		"rate:100%%:%s":    "rate:100%:*",
		"%s:%-10v:%[1]q":   "*:*:*",
		"plain":            "plain",
	} {
		if got := formatShape(format); got != want {
			t.Errorf("formatShape(%q) = %q, want %q", format, got, want)
		}
	}
}

// TestStrictOverlap: a '*' is one part of a key and eats no separator.
func TestStrictOverlap(t *testing.T) {
	for _, tc := range []struct {
		a, b string
		want bool
	}{
		{"avatar_*", "avatar_*_*", false},
		{"avatar_*_*", "avatar_*_*", true},
		{"avatar_*", "avatar_42", true},
		{"user:*", "user:*:bio", false},
		{"profile_*", "profile_*", true},
	} {
		if got := strictOverlap(tc.a, tc.b); got != tc.want {
			t.Errorf("strictOverlap(%q, %q) = %v, want %v", tc.a, tc.b, got, tc.want)
		}
		if got := strictOverlap(tc.b, tc.a); got != tc.want {
			t.Errorf("strictOverlap(%q, %q) = %v, want %v", tc.b, tc.a, got, tc.want)
		}
	}
}
