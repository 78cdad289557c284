package flow

import "testing"

func TestChain(t *testing.T) {
	for _, tc := range []struct{ step, below, want string }{
		{"a", "", "a"},
		{"", "b", "b"},
		{"a", "b", "a → b"},
		{"a", "b → c → d → e", "a → …"}, // below names MaxChain calls
		{"a", "b → c → d", "a → b → c → d"},
		{"a", "b → c", "a → b → c"},
	} {
		if got := Chain(tc.step, tc.below); got != tc.want {
			t.Errorf("Chain(%q, %q) = %q, want %q", tc.step, tc.below, got, tc.want)
		}
	}
}

func TestShorten(t *testing.T) {
	for _, tc := range []struct {
		via  string
		max  int
		want string
	}{
		{"a → b → q", 5, "a → b → q"},
		{"a → b → c → d → e → q", 5, "a → b → c → … → q"},
		{"a → b → c → d → q", 5, "a → b → c → d → q"},
	} {
		if got := Shorten(tc.via, tc.max); got != tc.want {
			t.Errorf("Shorten(%q, %d) = %q, want %q", tc.via, tc.max, got, tc.want)
		}
	}
}

func TestRounds(t *testing.T) {
	n := 0
	Rounds(func() bool { n++; return n < 3 })
	if n != 3 {
		t.Errorf("settling in the 3rd round ran %d rounds, want 3", n)
	}
	n = 0
	Rounds(func() bool { n++; return true })
	if n != MaxRounds {
		t.Errorf("a round that always changes ran %d rounds, want MaxRounds (%d)", n, MaxRounds)
	}
}
