// Package xormlib loops over xorm queries (a stub of its API).
package xormlib

import "xorm.io/xorm"

type User struct{ ID int64 }

func oneByOne(e *xorm.Engine, ids []int64) {
	for _, id := range ids {
		var u User
		_, _ = e.Where("id = ?", id).Get(&u) // want `^\(\*xorm.Session\).Get runs a query once per element of ids; load them in one query before the loop \(In\("id", ids\)\)$`
		_, _ = e.Insert(&u)                  // want `^\(\*xorm.Engine\).Insert runs a write once per element of ids`
	}
}

func inOneQuery(e *xorm.Engine, ids []int64) []User {
	var users []User
	_ = e.In("id", ids).Find(&users)
	return users
}
