// Package orm is a stub of github.com/beego/beego/v2/client/orm (the
// module proxy refuses beego's module here), with the methods' real
// signatures.
package orm

type QuerySeter interface {
	Filter(string, ...interface{}) QuerySeter
	Exclude(string, ...interface{}) QuerySeter
	Limit(limit interface{}, args ...interface{}) QuerySeter
	Offset(offset interface{}) QuerySeter
	OrderBy(exprs ...string) QuerySeter
	All(container interface{}, cols ...string) (int64, error)
	One(container interface{}, cols ...string) error
	Count() (int64, error)
}

type Ormer interface {
	QueryTable(ptrStructOrTableName interface{}) QuerySeter
}

func NewOrm() Ormer { return nil }
