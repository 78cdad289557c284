// Package xorm is a stub of xorm.io/xorm, whose module graph the module
// proxy cannot serve here.
package xorm

type Engine struct{}

func (e *Engine) Where(query any, args ...any) *Session  { return &Session{} }
func (e *Engine) In(column string, args ...any) *Session { return &Session{} }
func (e *Engine) Get(beans ...any) (bool, error)         { return false, nil }
func (e *Engine) Find(beans any, conds ...any) error     { return nil }
func (e *Engine) Insert(beans ...any) (int64, error)     { return 0, nil }
func (e *Engine) Exist(bean ...any) (bool, error)        { return false, nil }

type Session struct{}

func (s *Session) Get(beans ...any) (bool, error)     { return false, nil }
func (s *Session) Find(beans any, conds ...any) error { return nil }
func (s *Session) Count(bean ...any) (int64, error)   { return 0, nil }
