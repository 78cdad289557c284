package sqltext

import (
	"strings"
	"testing"
)

func TestShape(t *testing.T) {
	tests := []struct {
		sql       string
		aggregate bool
		key       KeyKind
		col       string
	}{
		{sql: "SELECT id, name FROM categories ORDER BY name"},
		{sql: "SELECT count(*) FROM orders", aggregate: true},
		{sql: "SELECT status, COUNT(*) FROM orders GROUP BY status", aggregate: true},
		{sql: "SELECT (SELECT count(*) FROM b) AS n, a.x FROM a"},
		{sql: "SELECT * FROM users WHERE id = $1", key: UniqueKey, col: "id"},
		{sql: "SELECT * FROM users u WHERE u.id = ANY($1)", key: UniqueKey, col: "id"},
		{sql: "SELECT * FROM users WHERE id IN (?, ?, ?)", key: UniqueKey, col: "id"},
		{sql: "SELECT * FROM users WHERE id IN (SELECT user_id FROM bans)"},
		{sql: "SELECT * FROM order_items WHERE order_id = $1", key: ParentKey, col: "order_id"},
		{sql: "SELECT * FROM order_items WHERE $1 = order_id", key: ParentKey, col: "order_id"},
		{sql: "SELECT * FROM items WHERE deleted_at IS NULL AND orderId = :o ORDER BY id", key: ParentKey, col: "orderId"},
		{sql: "SELECT * FROM orders WHERE status = $1", key: Lookup, col: "status"},
		{sql: "SELECT * FROM orders WHERE status = 'pending'"},
		{sql: "SELECT * FROM users WHERE email = ? AND org_id = ?", key: Lookup, col: "email"},
		// Every disjunct binds a value of the caller: the loosest one counts.
		{sql: "SELECT * FROM orders WHERE user_id = $1 OR status = $2", key: ParentKey, col: "user_id"},
		{sql: "SELECT * FROM orders WHERE user_id = $1 OR status = 'new'"},
		{sql: "SELECT * FROM orders WHERE status = 'new' OR status = 'paid'"},
		{sql: "SELECT * FROM a JOIN b ON a.id = b.a_id WHERE a.x > 1"},
		{sql: "SELECT * FROM a WHERE a.id = b.a_id"},
		{sql: "SELECT * FROM a WHERE created BETWEEN $1 AND $2 AND user_id = $3", key: Lookup, col: "created"},
		{sql: "SELECT * FROM a WHERE created BETWEEN '2020-01-01' AND '2021-01-01' AND user_id = $3", key: ParentKey, col: "user_id"},
		{sql: "SELECT * FROM a WHERE lower(id) = $1", key: Lookup, col: "id"},
		{sql: "SELECT * FROM a WHERE lower(email) = lower(?)", key: Lookup, col: "email"},
		// ntfy's user/manager.go: parenthesised OR, LIKE, a subquery bound to
		// the caller's value.
		{sql: "SELECT read, write FROM user_access a JOIN user u ON u.id = a.user_id WHERE (u.user = ? OR u.user = ?) AND ? LIKE a.topic ESCAPE '\\' ORDER BY u.user DESC", key: Lookup, col: "user"},
		{sql: "SELECT a_user.topic FROM user_access a_user LEFT JOIN user_access a_everyone ON a_user.topic = a_everyone.topic WHERE a_user.user_id = a_user.owner_user_id AND a_user.owner_user_id = (SELECT id FROM user WHERE user = ?) ORDER BY a_user.topic", key: ParentKey, col: "owner_user_id"},
		{sql: "SELECT id, code FROM tier WHERE (stripe_monthly_price_id = ? OR stripe_yearly_price_id = ?)", key: ParentKey, col: "stripe_monthly_price_id"},
		{sql: "SELECT * FROM t WHERE ((id = ?))", key: UniqueKey, col: "id"},
		{sql: "SELECT * FROM t WHERE name LIKE ?", key: Lookup, col: "name"},
		{sql: "SELECT * FROM t WHERE created_at >= $1", key: Lookup, col: "created_at"},
		{sql: "SELECT * FROM t WHERE created_at >= now() - interval '1 day'"},
		{sql: "SELECT * FROM t WHERE deleted_at IS NULL"},
		{sql: "SELECT * FROM t WHERE user_id IN (SELECT id FROM users WHERE org = $1)", key: ParentKey, col: "user_id"},
		{sql: "SELECT * FROM t WHERE topic IN (SELECT topic FROM subs WHERE org = $1)", key: Lookup, col: "topic"},
		{sql: "SELECT * FROM t WHERE topic IN (SELECT topic FROM subs)"},
		{sql: "SELECT * FROM t WHERE ($1 = '' OR name = $1)"},
		{sql: "SELECT * FROM t WHERE x = 1 AND (SELECT count(*) FROM u WHERE u.t = t.id) > 0"},
		{sql: "SELECT * FROM t WHERE (a, b) = ($1, $2)"},
		{sql: "SELECT * FROM t WHERE " + strings.Repeat("(", 40) + "id = ?" + strings.Repeat(")", 40), key: UniqueKey, col: "id"},
		{sql: "UPDATE a SET x = 1 WHERE id = $1"},
	}
	for _, tt := range tests {
		st := Parse(tt.sql)
		if st.Aggregate != tt.aggregate || st.Key != tt.key || st.KeyColumn != tt.col {
			t.Errorf("Parse(%q): aggregate %v key %d %q, want %v %d %q", tt.sql, st.Aggregate, st.Key, st.KeyColumn, tt.aggregate, tt.key, tt.col)
		}
	}
}

func TestOrdinal(t *testing.T) {
	for sql, want := range map[string]int{
		"SELECT * FROM t WHERE a = ? AND b = ? LIMIT ?":        3,
		"SELECT * FROM t WHERE a = $1 LIMIT $2 OFFSET $3":      2,
		"SELECT * FROM t WHERE a = ? LIMIT ?, ?":               3,
		"SELECT * FROM t WHERE a = '?' LIMIT ?":                1,
		"SELECT * FROM t WHERE a = :a LIMIT :limit":            0,
		"SELECT * FROM t ORDER BY id FETCH FIRST $4 ROWS ONLY": 4,
	} {
		st := Parse(sql)
		if st.Limit == nil || st.Limit.Ordinal != want {
			t.Errorf("Parse(%q).Limit = %+v, want ordinal %d", sql, st.Limit, want)
		}
	}
}
