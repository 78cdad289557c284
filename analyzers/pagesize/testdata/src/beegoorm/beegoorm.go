// Package beegoorm reads through beego's ORM: All applies beego's own
// limit (1000 rows) unless Limit(-1) disables it.
package beegoorm

import (
	"net/http"
	"strconv"

	"github.com/beego/beego/v2/client/orm"
)

type User struct{ ID int64 }

func allUsers(w http.ResponseWriter, r *http.Request) {
	var users []User
	orm.NewOrm().QueryTable("user").Limit(-1).All(&users) // want `\(orm.QuerySeter\).All reads every row of user \(Limit\(-1\) disables the limit\) in a request path`
}

func defaultLimit(w http.ResponseWriter, r *http.Request) {
	var users []User
	orm.NewOrm().QueryTable("user").OrderBy("-id").All(&users)
	orm.NewOrm().QueryTable("user").Limit(20).All(&users)
}

func filteredUnlimited(w http.ResponseWriter, r *http.Request) {
	var users []User
	orm.NewOrm().QueryTable(new(User)).Filter("status", "active").Limit(-1).All(&users) // want `reads every row of User \(Limit\(-1\) disables the limit\)`
}

func keyedUnlimited(w http.ResponseWriter, r *http.Request) {
	var users []User
	orm.NewOrm().QueryTable("user").Filter("id__in", 1, 2).Limit(-1).All(&users)
	orm.NewOrm().QueryTable("user").Filter("email", r.FormValue("email")).Limit(-1).All(&users)
}

func requestLimit(w http.ResponseWriter, r *http.Request) {
	var users []User
	n, _ := strconv.Atoi(r.FormValue("n"))
	orm.NewOrm().QueryTable("user").Limit(n).All(&users) // want `page size from form value "n" reaches \(orm.QuerySeter\).Limit`
}

func requestLimitClamped(w http.ResponseWriter, r *http.Request) {
	var users []User
	n, _ := strconv.Atoi(r.FormValue("n"))
	orm.NewOrm().QueryTable("user").Limit(min(n, 100)).All(&users)
}
