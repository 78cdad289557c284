// Package ignstore is a store whose reads take an options struct with a
// page field, as memos' store.FindUser has Limit.
package ignstore

import (
	"context"
	"database/sql"
	"strconv"
	"strings"
)

type Store struct{ DB *sql.DB }

type FindUser struct {
	ID       *int32
	Team     *string
	Username *string
	Limit    *int
}

type User struct{ Name string }

// ListUsers builds its SQL at run time: a LIMIT only when Limit is set.
func (s *Store) ListUsers(ctx context.Context, find *FindUser) ([]*User, error) {
	where, args := []string{"1 = 1"}, []any{}
	if find.Team != nil {
		where, args = append(where, "team = ?"), append(args, *find.Team)
	}
	if find.Username != nil {
		where, args = append(where, "username = ?"), append(args, *find.Username)
	}
	q := "SELECT name FROM users WHERE " + strings.Join(where, " AND ")
	if find.Limit != nil {
		q += " LIMIT " + strconv.Itoa(*find.Limit)
	}
	rows, err := s.DB.QueryContext(ctx, q, args...)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var out []*User
	for rows.Next() {
		u := &User{}
		if err := rows.Scan(&u.Name); err != nil {
			return nil, err
		}
		out = append(out, u)
	}
	return out, rows.Err()
}

// CountUsers returns a number, not a list.
func (s *Store) CountUsers(ctx context.Context, find *FindUser) (int, error) { return 0, nil }
