// Package gorplib loops over gorp queries.
package gorplib

import "github.com/go-gorp/gorp/v3"

type User struct{ ID int64 }

func oneByOne(m *gorp.DbMap, ids []int64) {
	for _, id := range ids {
		_, _ = m.Get(User{}, id) // want `^\(\*gorp.DbMap\).Get runs a query once per element of ids; load them in one query before the loop \(WHERE id IN \(...\)\)$`
	}
}

func inOneQuery(m *gorp.DbMap, ids []int64) {
	_, _ = m.Select(&User{}, "SELECT * FROM users WHERE id = ANY($1)", ids)
}
