// Package unpaged checks -unpaged: loops over every row a read selects
// are reported too.
package unpaged

import (
	"context"
	"database/sql"

	"gorm.io/gorm"
)

var (
	db  *sql.DB
	orm *gorm.DB
)

type User struct{ ID, TeamID int64 }

// teamUsers reads every user of one team: the children of one parent.
func teamUsers(ctx context.Context, teamID int64) []User {
	rows, _ := db.QueryContext(ctx, "SELECT id, team_id FROM users WHERE team_id = $1", teamID)
	defer rows.Close()
	var users []User
	for rows.Next() {
		var u User
		_ = rows.Scan(&u.ID, &u.TeamID)
		users = append(users, u)
	}
	return users
}

func profile(ctx context.Context, id int64) string {
	var name string
	_ = db.QueryRowContext(ctx, "SELECT name FROM profiles WHERE user_id = $1", id).Scan(&name)
	return name
}

func Team(ctx context.Context, teamID int64) { // want Team:`roundtrips\(read: unpaged\.teamUsers → \(\*sql\.DB\)\.QueryContext\)`
	for _, u := range teamUsers(ctx, teamID) {
		_ = profile(ctx, u.ID) // want `once per element of teamUsers\(ctx, teamID\)`
	}
}

func UnlimitedChain(ctx context.Context, teamID int64) { // want UnlimitedChain:`roundtrips\(read: \(\*gorm\.DB\)\.Find\)`
	var users []User
	orm.Where("team_id = ?", teamID).Find(&users)
	for _, u := range users {
		_ = profile(ctx, u.ID) // want `once per element of users`
	}
}

// A list built in memory is no read's rows, -unpaged or not.
func Built(ctx context.Context) { // want Built:`roundtrips\(read: unpaged\.profile → \(\*sql\.DB\)\.QueryRowContext\)`
	for _, id := range []int64{1, 2, 3} {
		_ = profile(ctx, id)
	}
}
