// Package gorp is a stub of github.com/go-gorp/gorp/v3.
package gorp

type DbMap struct{}

func (m *DbMap) Get(i any, keys ...any) (any, error)                    { return nil, nil }
func (m *DbMap) SelectOne(holder any, query string, args ...any) error  { return nil }
func (m *DbMap) Select(i any, query string, args ...any) ([]any, error) { return nil, nil }
func (m *DbMap) Insert(list ...any) error                               { return nil }
