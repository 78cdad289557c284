// Package orm is a stub of beego's ORM v2 (github.com/beego/beego/v2/client/orm),
// which the module proxy does not serve here.
package orm

type DQL interface {
	Read(md any, cols ...string) error
	QueryTable(ptrStructOrTableName any) QuerySeter
}

type DML interface {
	Insert(md any) (int64, error)
	InsertMulti(bulk int, mds any) (int64, error)
}

type Ormer interface {
	DQL
	DML
}

type QuerySeter interface {
	Filter(string, ...any) QuerySeter
	All(container any, cols ...string) (int64, error)
	One(container any, cols ...string) error
}

func NewOrm() Ormer { return nil }
