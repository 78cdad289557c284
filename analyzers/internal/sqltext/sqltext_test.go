package sqltext

import (
	"slices"
	"testing"
)

func TestParse(t *testing.T) {
	tests := []struct {
		sql     string
		verb    string
		writes  bool
		tables  []string
		limit   *Limit
		offset  bool
		name    string
		command string
	}{
		{sql: "SELECT id, name FROM users WHERE id = $1", verb: "SELECT", tables: []string{"users"}},
		{sql: "select * from public.users u join orders o on o.user_id = u.id", verb: "SELECT", tables: []string{"public.users", "orders"}},
		{sql: `SELECT * FROM "Order Items" LIMIT 10`, verb: "SELECT", tables: []string{"Order Items"}, limit: &Limit{Value: 10}},
		{sql: "SELECT id FROM orders WHERE user_id = $1 ORDER BY created_at DESC LIMIT $2", verb: "SELECT", tables: []string{"orders"}, limit: &Limit{Value: -1, Placeholder: "$2", Ordinal: 2}},
		{sql: "SELECT * FROM t LIMIT ? OFFSET ?", verb: "SELECT", tables: []string{"t"}, limit: &Limit{Value: -1, Placeholder: "?", Ordinal: 1}, offset: true},
		{sql: "SELECT * FROM t LIMIT 20, :n", verb: "SELECT", tables: []string{"t"}, limit: &Limit{Value: -1, Placeholder: ":n"}, offset: true},
		{sql: "SELECT * FROM t LIMIT ALL", verb: "SELECT", tables: []string{"t"}},
		{sql: "SELECT * FROM t FETCH FIRST 5 ROWS ONLY", verb: "SELECT", tables: []string{"t"}, limit: &Limit{Value: 5}},
		{sql: "SELECT * FROM t FETCH FIRST ROW ONLY", verb: "SELECT", tables: []string{"t"}, limit: &Limit{Value: 1}},
		{sql: "SELECT TOP 3 * FROM t", verb: "SELECT", tables: []string{"t"}, limit: &Limit{Value: 3}},
		{sql: "SELECT * FROM t LIMIT $1 + 1", verb: "SELECT", tables: []string{"t"}, limit: &Limit{Value: -1}},
		// A LIMIT in a subquery does not bound the outer query.
		{sql: "SELECT * FROM a WHERE id IN (SELECT a_id FROM b LIMIT 5)", verb: "SELECT", tables: []string{"a", "b"}},
		{sql: "SELECT 'LIMIT 5' FROM a", verb: "SELECT", tables: []string{"a"}},
		{sql: "SELECT * FROM a -- LIMIT 5\n", verb: "SELECT", tables: []string{"a"}},
		{sql: "SELECT * FROM a /* LIMIT 5 */", verb: "SELECT", tables: []string{"a"}},
		{sql: "SELECT $$ LIMIT 5 $$ FROM a", verb: "SELECT", tables: []string{"a"}},
		{sql: "SELECT a.x, b.y FROM a, b AS bb, c WHERE a.id = b.id", verb: "SELECT", tables: []string{"a", "b", "c"}},
		{sql: "SELECT EXTRACT(YEAR FROM created_at) FROM orders", verb: "SELECT", tables: []string{"orders"}},
		{sql: "SELECT * FROM t WHERE a IS DISTINCT FROM b FOR UPDATE", verb: "SELECT", tables: []string{"t"}},
		{sql: "INSERT INTO users (name) VALUES ($1) RETURNING id", verb: "INSERT", writes: true, tables: []string{"users"}},
		{sql: "INSERT INTO t (a) VALUES (1) ON CONFLICT (a) DO UPDATE SET a = 2", verb: "INSERT", writes: true, tables: []string{"t"}},
		{sql: "UPDATE products SET price_cents = $1 WHERE id = $2", verb: "UPDATE", writes: true, tables: []string{"products"}},
		{sql: "UPDATE ONLY products SET x = 1", verb: "UPDATE", writes: true, tables: []string{"products"}},
		{sql: "DELETE FROM carts WHERE user_id = ?", verb: "DELETE", writes: true, tables: []string{"carts"}},
		{sql: "MERGE INTO t USING s ON t.id = s.id WHEN MATCHED THEN DELETE", verb: "MERGE", writes: true, tables: []string{"t", "s"}},
		{sql: "WITH recent AS (SELECT * FROM orders LIMIT 10) SELECT * FROM recent JOIN users USING (id)", verb: "SELECT", tables: []string{"orders", "recent", "users"}},
		{sql: "WITH RECURSIVE t(n) AS (VALUES (1)) SELECT n FROM t LIMIT 3", verb: "SELECT", tables: []string{"t"}, limit: &Limit{Value: 3}},
		{sql: "WITH moved AS (DELETE FROM a RETURNING *) INSERT INTO b SELECT * FROM moved", verb: "INSERT", writes: true, tables: []string{"a", "b", "moved"}},
		{sql: "WITH gone AS (DELETE FROM a RETURNING *) SELECT count(*) FROM gone", verb: "SELECT", writes: true, tables: []string{"a", "gone"}},
		{sql: "(SELECT 1) UNION (SELECT 2)", verb: "SELECT"},
		{sql: "  \n-- name: GetAuthor :one\nSELECT * FROM authors WHERE id = $1 LIMIT 1", verb: "SELECT", tables: []string{"authors"}, limit: &Limit{Value: 1}, name: "GetAuthor", command: ":one"},
		{sql: "-- name: ListAuthors :many\nSELECT * FROM authors ORDER BY name", verb: "SELECT", tables: []string{"authors"}, name: "ListAuthors", command: ":many"},
		{sql: "TRUNCATE orders", verb: "TRUNCATE", writes: true},
		{sql: "BEGIN; SELECT 1", verb: "BEGIN"},
		{sql: "", verb: ""},
		{sql: "'unterminated", verb: ""},
		{sql: "SELECT * FROM `order` WHERE `key` = @key LIMIT @n", verb: "SELECT", tables: []string{"order"}, limit: &Limit{Value: -1, Placeholder: "@n"}},
		{sql: "SELECT x::int FROM t", verb: "SELECT", tables: []string{"t"}},
	}
	for _, tt := range tests {
		st := Parse(tt.sql)
		if st.Verb != tt.verb || st.Writes() != tt.writes {
			t.Errorf("Parse(%q): verb %q writes %v, want %q %v", tt.sql, st.Verb, st.Writes(), tt.verb, tt.writes)
		}
		if !slices.Equal(st.Tables, tt.tables) {
			t.Errorf("Parse(%q): tables %q, want %q", tt.sql, st.Tables, tt.tables)
		}
		if (st.Limit == nil) != (tt.limit == nil) || st.Limit != nil && *st.Limit != *tt.limit {
			t.Errorf("Parse(%q): limit %+v, want %+v", tt.sql, st.Limit, tt.limit)
		}
		if st.Offset != tt.offset {
			t.Errorf("Parse(%q): offset %v, want %v", tt.sql, st.Offset, tt.offset)
		}
		if st.Name != tt.name || st.Command != tt.command {
			t.Errorf("Parse(%q): sqlc %q %q, want %q %q", tt.sql, st.Name, st.Command, tt.name, tt.command)
		}
	}
}

func TestReads(t *testing.T) {
	for sql, want := range map[string]bool{
		"SELECT 1":                             true,
		"WITH a AS (SELECT 1) SELECT * FROM a": true,
		"WITH a AS (UPDATE t SET x = 1 RETURNING *) SELECT * FROM a": false,
		"INSERT INTO t VALUES (1)":                                   false,
		"EXPLAIN SELECT 1":                                           true,
		"":                                                           false,
	} {
		if got := Parse(sql).Reads(); got != want {
			t.Errorf("Parse(%q).Reads() = %v, want %v", sql, got, want)
		}
	}
}

func FuzzParse(f *testing.F) {
	for _, s := range []string{"SELECT * FROM t LIMIT 1", "WITH a AS (", "$tag$", "LIMIT", "FETCH FIRST", "-- name: x :one\n", "((", "))", "TOP"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		Parse(s) // must not panic
	})
}
