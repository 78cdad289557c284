// want package:`pending\(scanners.scanContact\)`

// Package scanners scans rows through a helper that takes any value with
// a Scan method (notifuse's repositories), in a program that also builds
// its queries with squirrel, whose builders have a Scan method that runs
// one. Only *sql.Rows reaches the helper: squirrel's builders satisfy its
// interface, but the program never makes an interface value of one, so a
// loop over the rows is no N+1. The twin (package perelement) hands its
// helper a builder per element: that is a query per element.
package scanners

import (
	"context"
	"database/sql"

	sq "github.com/Masterminds/squirrel"
)

type rowScanner interface {
	Scan(dest ...interface{}) error
}

// Contact is a row of contacts.
type Contact struct {
	Email string
	Name  string
}

func scanContact(s rowScanner) (Contact, error) {
	var c Contact
	err := s.Scan(&c.Email, &c.Name)
	return c, err
}

// listContacts reads a page of contacts and scans each row with the helper.
func listContacts(ctx context.Context, db *sql.DB, limit uint64) ([]Contact, error) {
	query, args, err := sq.Select("email", "name").From("contacts").Limit(limit).PlaceholderFormat(sq.Dollar).ToSql()
	if err != nil {
		return nil, err
	}
	rows, err := db.QueryContext(ctx, query, args...)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var out []Contact
	for rows.Next() {
		c, err := scanContact(rows)
		if err != nil {
			return nil, err
		}
		out = append(out, c)
	}
	return out, rows.Err()
}

// addContact inserts through squirrel, as the program's writes do.
func addContact(ctx context.Context, db *sql.DB, c Contact) error {
	_, err := sq.Insert("contacts").Columns("email", "name").Values(c.Email, c.Name).RunWith(db).ExecContext(ctx)
	return err
}

var _, _ = listContacts, addContact
