// Package batched holds the fixes of N+1 loops as real services write
// them: one query for all the elements before the loop, then a lookup in
// a map inside it. Nothing in these functions is reported.
package batched

import (
	"context"
	"database/sql"

	"github.com/jackc/pgx/v5"
	"github.com/jmoiron/sqlx"
	"gorm.io/gorm"
)

type order struct {
	ID     int64
	UserID int64
	Items  []item
}

type item struct {
	ID      int64
	OrderID int64
}

type user struct {
	ID   int64
	Name string
}

// database/sql with ANY($1), then a map.
func ownersSQL(ctx context.Context, db *sql.DB, orders []order) (map[int64]string, error) {
	ids := make([]int64, 0, len(orders))
	for _, o := range orders {
		ids = append(ids, o.UserID)
	}
	rows, err := db.QueryContext(ctx, "SELECT id, name FROM users WHERE id = ANY($1)", ids)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	names := make(map[int64]string, len(ids))
	for rows.Next() {
		var u user
		if err := rows.Scan(&u.ID, &u.Name); err != nil {
			return nil, err
		}
		names[u.ID] = u.Name
	}
	out := make(map[int64]string, len(orders))
	for _, o := range orders {
		out[o.ID] = names[o.UserID]
	}
	return out, rows.Err()
}

// GORM: Preload, and Where("id IN ?") then a map.
func ordersGORM(db *gorm.DB, userID int64) ([]order, map[int64]user) {
	var orders []order
	db.Preload("Items").Where("user_id = ?", userID).Find(&orders)
	ids := make([]int64, 0, len(orders))
	for _, o := range orders {
		ids = append(ids, o.UserID)
	}
	var users []user
	db.Where("id IN ?", ids).Find(&users)
	byID := make(map[int64]user, len(users))
	for _, u := range users {
		byID[u.ID] = u
	}
	for i := range orders {
		orders[i].UserID = byID[orders[i].UserID].ID
	}
	return orders, byID
}

// sqlx.In expands the ids into one IN list.
func usersSQLX(ctx context.Context, db *sqlx.DB, orders []order) (map[int64]user, error) {
	ids := make([]int64, 0, len(orders))
	for _, o := range orders {
		ids = append(ids, o.UserID)
	}
	q, args, err := sqlx.In("SELECT id, name FROM users WHERE id IN (?)", ids)
	if err != nil {
		return nil, err
	}
	var users []user
	if err := db.SelectContext(ctx, &users, db.Rebind(q), args...); err != nil {
		return nil, err
	}
	byID := make(map[int64]user, len(users))
	for _, u := range users {
		byID[u.ID] = u
	}
	return byID, nil
}

// pgx: the queries queued on one batch, sent once, read in a loop.
func namesPGX(ctx context.Context, conn *pgx.Conn, ids []int64) ([]string, error) {
	b := &pgx.Batch{}
	for _, id := range ids {
		b.Queue("SELECT name FROM users WHERE id = $1", id)
	}
	br := conn.SendBatch(ctx, b)
	defer br.Close()
	names := make([]string, len(ids))
	for i := range ids {
		if err := br.QueryRow().Scan(&names[i]); err != nil {
			return nil, err
		}
	}
	return names, nil
}

// Chunks of a long list, one query per chunk.
func deleteInChunks(ctx context.Context, db *sql.DB, ids []int64) error {
	for start := 0; start < len(ids); start += 500 {
		end := min(start+500, len(ids))
		if _, err := db.ExecContext(ctx, "DELETE FROM users WHERE id = ANY($1)", ids[start:end]); err != nil {
			return err
		}
	}
	return nil
}

// The N+1 these fix, for contrast: one query per order.
func ownersOneByOne(ctx context.Context, db *sql.DB, orders []order) map[int64]string {
	out := make(map[int64]string, len(orders))
	for _, o := range orders {
		var name string
		_ = db.QueryRowContext(ctx, "SELECT name FROM users WHERE id = $1", o.UserID).Scan(&name) // want `once per element of orders`
		out[o.ID] = name
	}
	return out
}
