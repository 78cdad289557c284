// Package squirrel is a stub of github.com/Masterminds/squirrel.
package squirrel

type SelectBuilder struct{}

func Select(columns ...string) SelectBuilder             { return SelectBuilder{} }
func (b SelectBuilder) From(from string) SelectBuilder   { return b }
func (b SelectBuilder) Limit(limit uint64) SelectBuilder { return b }
func (b SelectBuilder) ToSql() (string, []any, error)    { return "", nil, nil }

func (b SelectBuilder) Suffix(sql string, args ...any) SelectBuilder { return b }
