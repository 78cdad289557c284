// Package store has loops over lists its exported functions are handed:
// whether they walk a page is for their callers to say.
package store

import (
	"context"
	"database/sql"
)

var DB *sql.DB

type User struct{ ID int64 }

// Page reads one page of users.
func Page(ctx context.Context, page, size int) []User {
	rows, err := DB.QueryContext(ctx, "SELECT id FROM users ORDER BY id LIMIT $1 OFFSET $2", size, (page-1)*size)
	if err != nil {
		return nil
	}
	defer rows.Close()
	var users []User
	for rows.Next() {
		var u User
		_ = rows.Scan(&u.ID)
		users = append(users, u)
	}
	return users
}

// All reads every user.
func All(ctx context.Context) []User {
	rows, err := DB.QueryContext(ctx, "SELECT id FROM users")
	if err != nil {
		return nil
	}
	defer rows.Close()
	var users []User
	for rows.Next() {
		var u User
		_ = rows.Scan(&u.ID)
		users = append(users, u)
	}
	return users
}

// Names is handed a page by a handler, through a service: reported.
func Names(ctx context.Context, users []User) {
	for _, u := range users {
		_ = DB.QueryRowContext(ctx, "SELECT name FROM profiles WHERE user_id = $1", u.ID).Scan(new(string)) // want `once per element of users`
	}
}

// Tags is handed only the ids a request carries: not reported.
func Tags(ctx context.Context, ids []int64) {
	for _, id := range ids {
		_ = DB.QueryRowContext(ctx, "SELECT name FROM tags WHERE id = $1", id).Scan(new(string))
	}
}

// Emails is handed every user, by the one caller it has: not reported
// by default (every row of a read with no page, as in a loop of the
// caller).
func Emails(ctx context.Context, users []User) {
	for _, u := range users {
		_ = DB.QueryRowContext(ctx, "SELECT email FROM users WHERE id = $1", u.ID).Scan(new(string))
	}
}

// Unused has no caller in the program: not reported.
func Unused(ctx context.Context, users []User) {
	for _, u := range users {
		_ = DB.QueryRowContext(ctx, "SELECT bio FROM profiles WHERE user_id = $1", u.ID).Scan(new(string))
	}
}

// Avatars walks the list in an unexported helper; a page is handed to
// Avatars: reported at the helper's loop.
func Avatars(ctx context.Context, users []User) {
	avatars(ctx, users)
}

func avatars(ctx context.Context, users []User) {
	for _, u := range users {
		_ = DB.QueryRowContext(ctx, "SELECT url FROM avatars WHERE user_id = $1", u.ID).Scan(new(string)) // want `once per element of users`
	}
}

// A Lister is run through an interface the package converts it to: its
// callers are not all seen, and its loop is reported where it is.
type Lister interface {
	Roles(ctx context.Context, users []User)
}

type roles struct{}

func NewLister() Lister { return roles{} }

func (roles) Roles(ctx context.Context, users []User) {
	for _, u := range users {
		_ = DB.QueryRowContext(ctx, "SELECT role FROM roles WHERE user_id = $1", u.ID).Scan(new(string)) // want `once per element of users`
	}
}

// Hook is used as a value: its callers are not seen, reported.
func Hook(ctx context.Context, users []User) {
	for _, u := range users {
		_ = DB.QueryRowContext(ctx, "SELECT hook FROM hooks WHERE user_id = $1", u.ID).Scan(new(string)) // want `once per element of users`
	}
}

// A Repo is used through an interface of the api package, which hands
// its method a page: reported.
type Repo struct{}

func (Repo) Labels(ctx context.Context, users []User) {
	for _, u := range users {
		_ = DB.QueryRowContext(ctx, "SELECT label FROM labels WHERE user_id = $1", u.ID).Scan(new(string)) // want `once per element of users`
	}
}

// Badges is called through the same interface with request ids only:
// not reported.
func (Repo) Badges(ctx context.Context, ids []int64) {
	for _, id := range ids {
		_ = DB.QueryRowContext(ctx, "SELECT badge FROM badges WHERE id = $1", id).Scan(new(string))
	}
}

func byIDs(ctx context.Context, ids []int64) []User {
	rows, err := DB.QueryContext(ctx, "SELECT id FROM users WHERE id = ANY($1)", ids)
	if err != nil {
		return nil
	}
	defer rows.Close()
	var users []User
	for rows.Next() {
		var u User
		_ = rows.Scan(&u.ID)
		users = append(users, u)
	}
	return users
}

// NamesOf reads the users of the ids it is handed, then queries once per
// user; a handler hands it the ids of a page: reported.
func NamesOf(ctx context.Context, ids []int64) {
	for _, u := range byIDs(ctx, ids) {
		_ = DB.QueryRowContext(ctx, "SELECT nick FROM profiles WHERE user_id = $1", u.ID).Scan(new(string)) // want `once per element of byIDs`
	}
}

// NicksOf is the twin, handed the ids a request carries: not reported.
func NicksOf(ctx context.Context, ids []int64) {
	for _, u := range byIDs(ctx, ids) {
		_ = DB.QueryRowContext(ctx, "SELECT nick FROM nicks WHERE user_id = $1", u.ID).Scan(new(string))
	}
}
