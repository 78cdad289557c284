package nplusone

import "testing"

// TestHasLimitClause checks which string literals hold a LIMIT clause: SQL
// text and fragments do, messages that say "limit" do not.
func TestHasLimitClause(t *testing.T) {
	for _, tc := range []struct {
		lit  string
		want bool
	}{
		{`"SELECT id FROM users ORDER BY id DESC LIMIT 20"`, true},
		{`"select id from users limit ?"`, true},
		{`"SELECT id FROM users LIMIT $2 OFFSET $3"`, true},
		{"`SELECT id\n\tFROM users\n\tLIMIT :n`", true},
		{`" LIMIT %d OFFSET %d"`, true},
		{`" LIMIT "`, true},
		{`"LIMIT @p1"`, true},
		{`"rate limit exceeded"`, false},
		{`"the limit must be positive"`, false},
		{`"RATELIMIT 20"`, false},
		{`"LIMITS 20"`, false},
		{`"SELECT id FROM users WHERE team_id = $1"`, false},
		{`"limit"`, true}, // a fragment (" limit " + n), or the name of the page size a handler reads (Query().Get("limit"))
	} {
		if got := hasLimitClause(tc.lit); got != tc.want {
			t.Errorf("hasLimitClause(%s) = %v, want %v", tc.lit, got, tc.want)
		}
	}
}
