// Package store is the fixture's repository over database/sql, GORM and
// bun: its facts carry page sizes and whole-table reads to the handlers.
package store

import (
	"context"
	"database/sql"

	"github.com/uptrace/bun"
	"gorm.io/gorm"
)

type User struct {
	ID   int64
	Name string
}

type Store struct {
	DB  *sql.DB
	GDB *gorm.DB
	BDB *bun.DB
}

// ListUsers reads one page; the caller bounds limit.
func (s *Store) ListUsers(ctx context.Context, limit int) ([]User, error) { // want ListUsers:`pagesize\(param2 → LIMIT\)`
	rows, err := s.DB.QueryContext(ctx, `SELECT id, name FROM users ORDER BY id LIMIT $1`, limit)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var users []User
	for rows.Next() {
		var u User
		if err := rows.Scan(&u.ID, &u.Name); err != nil {
			return nil, err
		}
		users = append(users, u)
	}
	return users, rows.Err()
}

// AllUsers reads the whole table.
func (s *Store) AllUsers(ctx context.Context) ([]User, error) { // want AllUsers:`pagesize\(reads every row of User \(no Limit in the chain\)\)`
	var users []User
	err := s.GDB.WithContext(ctx).Order("id").Find(&users).Error
	return users, err
}

// PageUsers reads one page with GORM.
func (s *Store) PageUsers(ctx context.Context, limit int) ([]User, error) { // want PageUsers:`pagesize\(param2 → \(\*gorm.DB\).Limit\)`
	var users []User
	err := s.GDB.WithContext(ctx).Order("id").Limit(limit).Find(&users).Error
	return users, err
}

// TeamUsers reads one team's users with bun: a child collection.
func (s *Store) TeamUsers(ctx context.Context, teamID int64) ([]User, error) {
	var users []User
	err := s.BDB.NewSelect().Model(&users).Where("team_id = ?", teamID).Scan(ctx)
	return users, err
}

// RecentUsers reads a constant page with bun.
func (s *Store) RecentUsers(ctx context.Context) ([]User, error) {
	var users []User
	err := s.BDB.NewSelect().Model(&users).Order("id DESC").Limit(20).Scan(ctx)
	return users, err
}
