package store

import (
	"fmt"

	"github.com/Masterminds/squirrel"
	"github.com/doug-martin/goqu/v9"
	"xorm.io/xorm"
)

// XormStore reads through xorm.
type XormStore struct{ X *xorm.Engine }

// AllUsers reads the whole table: Find with no Limit.
func (s *XormStore) AllUsers() ([]User, error) { // want AllUsers:`pagesize\(reads every row of User \(no Limit in the chain\)\)`
	var users []User
	err := s.X.Find(&users)
	return users, err
}

// ActiveUsers filters, and still reads every active row.
func (s *XormStore) ActiveUsers() ([]User, error) { // want ActiveUsers:`pagesize\(reads every row of User \(no Limit in the chain\)\)`
	var users []User
	err := s.X.Where("active = true").Desc("id").Find(&users)
	return users, err
}

// PageUsers pages: its callers bound limit.
func (s *XormStore) PageUsers(limit int) ([]User, error) { // want PageUsers:`pagesize\(param1 → \(\*xorm.Session\).Limit\)`
	var users []User
	err := s.X.Where("active = true").Limit(limit).Find(&users)
	return users, err
}

// TeamUsers reads one team's members (a parent key).
func (s *XormStore) TeamUsers(teamID int64) ([]User, error) {
	var users []User
	err := s.X.Where("team_id = ?", teamID).Find(&users)
	return users, err
}

// FirstUsers reads a fixed page.
func (s *XormStore) FirstUsers() ([]User, error) {
	var users []User
	err := s.X.Limit(50).Find(&users)
	return users, err
}

// UsersQuery writes the page size into squirrel's SQL text.
func UsersQuery(limit int) string { // want UsersQuery:`pagesize\(param0 → LIMIT\)`
	q, _, _ := squirrel.Select("id").From("users").Suffix(fmt.Sprintf("LIMIT %d", limit)).ToSql()
	return q
}

// GoquQuery sets the page size with goqu's Limit.
func GoquQuery(limit int) string { // want GoquQuery:`pagesize\(param0 → \(\*goqu.SelectDataset\).Limit\)`
	q, _, _ := goqu.From("users").Limit(uint(limit)).ToSQL()
	return q
}
