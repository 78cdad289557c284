// Package beegolib loops over beego ORM queries (a stub of its API).
package beegolib

import "github.com/beego/beego/v2/client/orm"

type User struct{ ID int64 }

func oneByOne(o orm.Ormer, ids []int64) {
	for _, id := range ids {
		u := User{ID: id}
		_ = o.Read(&u)                                     // want `^\(orm.Ormer\).Read runs a query once per element of ids; load them in one query before the loop \(Filter\("id__in", ids\)\)`
		_ = o.QueryTable("users").Filter("id", id).One(&u) // want `^\(orm.QuerySeter\).One runs a query once per element of ids`
	}
}

func inOneQuery(o orm.Ormer, ids []int64) {
	var users []User
	_, _ = o.QueryTable("users").Filter("id__in", ids).All(&users)
}
