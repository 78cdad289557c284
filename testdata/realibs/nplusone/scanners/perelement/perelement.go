// want package:`converts\(github.com/Masterminds/squirrel.SelectBuilder.Scan\)`

// Package perelement is scanners' twin: it hands its row-scanning helper
// a squirrel builder per element, an interface value of a type whose Scan
// runs the builder's query.
package perelement

import (
	"database/sql"

	sq "github.com/Masterminds/squirrel"
)

type rowScanner interface {
	Scan(dest ...interface{}) error
}

func scanName(s rowScanner) (string, error) {
	var name string
	err := s.Scan(&name)
	return name, err
}

// NamesByEmail runs a query per element.
func NamesByEmail(db *sql.DB, emails []string) ([]string, error) { // want NamesByEmail:`roundtrips\(read: perelement.scanName → \(perelement.rowScanner\).Scan → \(squirrel.SelectBuilder\).Scan`
	var out []string
	for _, e := range emails {
		b := sq.Select("name").From("contacts").Where(sq.Eq{"email": e}).PlaceholderFormat(sq.Dollar).RunWith(db)
		name, err := scanName(b) // want `may run a query`
		if err != nil {
			return nil, err
		}
		out = append(out, name)
	}
	return out, nil
}
