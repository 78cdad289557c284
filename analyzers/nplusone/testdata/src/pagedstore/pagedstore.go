// Package pagedstore reads users for package pagedapi: one read of a
// page, one of every user of a team.
package pagedstore

import (
	"context"
	"database/sql"
)

var db *sql.DB

type User struct{ ID, TeamID int64 }

func scan(rows *sql.Rows) []User {
	var users []User
	for rows.Next() {
		var u User
		_ = rows.Scan(&u.ID, &u.TeamID)
		users = append(users, u)
	}
	return users
}

// Recent reads the 20 newest users: a page, whatever its callers know.
func Recent(ctx context.Context) []User { // want Recent:`roundtrips\(read: \(\*sql.DB\).QueryContext; page\)`
	rows, _ := db.QueryContext(ctx, "SELECT id, team_id FROM users ORDER BY id DESC LIMIT 20")
	defer rows.Close()
	return scan(rows)
}

// Team reads every user of one team.
func Team(ctx context.Context, teamID int64) []User { // want Team:`roundtrips\(read: \(\*sql.DB\).QueryContext\)`
	rows, _ := db.QueryContext(ctx, "SELECT id, team_id FROM users WHERE team_id = $1", teamID)
	defer rows.Close()
	return scan(rows)
}

// Profile reads one user's name.
func Profile(ctx context.Context, id int64) string { // want Profile:`roundtrips\(read: \(\*sql.DB\).QueryRowContext\)`
	var name string
	_ = db.QueryRowContext(ctx, "SELECT name FROM profiles WHERE user_id = $1", id).Scan(&name)
	return name
}
