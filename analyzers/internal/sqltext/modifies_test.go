package sqltext

import "testing"

func TestModified(t *testing.T) {
	for _, tc := range []struct{ sql, want string }{
		{"UPDATE products SET price = $1 WHERE id = $2", "products"},
		{"update ONLY public.products p set price = 1 from prices where p.id = prices.id", "public.products"},
		{"DELETE FROM \"accounts\" WHERE id = ?", "accounts"},
		{"DELETE orders FROM orders JOIN users ON users.id = orders.user_id", "orders"},
		{"MERGE INTO stock s USING incoming i ON s.id = i.id WHEN MATCHED THEN UPDATE SET n = i.n", "stock"},
		{"REPLACE INTO settings (k, v) VALUES (?, ?)", "settings"},
		{"TRUNCATE TABLE sessions", "sessions"},
		{"INSERT INTO users (id, name) VALUES ($1, $2) ON CONFLICT (id) DO UPDATE SET name = EXCLUDED.name", "users"},
		{"INSERT INTO users (id, name) VALUES (?, ?) ON DUPLICATE KEY UPDATE name = VALUES(name)", "users"},
		{"INSERT OR REPLACE INTO users (id) VALUES (1)", "users"},
		{"INSERT INTO users (id, name) VALUES ($1, $2)", ""},
		{"INSERT INTO users (id) VALUES ($1) ON CONFLICT DO NOTHING", ""},
		{"WITH gone AS (SELECT id FROM carts WHERE stale) DELETE FROM carts WHERE id IN (SELECT id FROM gone)", "carts"},
		{"SELECT * FROM products FOR UPDATE", ""},
		{"-- name: Touch :exec\nUPDATE `users` SET seen = now()", "users"},
		{"", ""},
	} {
		if got := Modified(tc.sql); got != tc.want {
			t.Errorf("Modified(%q) = %q, want %q", tc.sql, got, tc.want)
		}
	}
}
