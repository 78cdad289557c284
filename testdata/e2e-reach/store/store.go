// Package store declares the repository interfaces; it imports no
// database library: the drivers implement them.
package store

import "context"

type Memo struct {
	ID      int64
	Creator int64
}

type User struct{ ID int64 }

// Driver is implemented by the postgres and sqlite drivers, and by an
// in-memory one for tests.
type Driver interface {
	ListMemos(ctx context.Context, id int64) ([]Memo, error)
	ListMemosByIDs(ctx context.Context, ids []int64) ([]Memo, error)
	Name() string
}

// MemoStore and UserStore make up DB, as repository interfaces often do.
type MemoStore interface {
	GetMemo(ctx context.Context, id int64) (Memo, error)
}

type UserStore interface {
	GetUser(ctx context.Context, id int64) (User, error)
	SaveUser(ctx context.Context, u User) error
}

type DB interface {
	MemoStore
	UserStore
}

// Store wraps a Driver, as memos' store.Store does.
type Store struct {
	driver Driver
}

func New(d Driver) *Store { return &Store{driver: d} }

func (s *Store) GetMemo(ctx context.Context, id int64) (*Memo, error) {
	list, err := s.driver.ListMemos(ctx, id)
	if err != nil || len(list) == 0 {
		return nil, err
	}
	return &list[0], nil
}

func (s *Store) Memos(ctx context.Context, ids []int64) ([]Memo, error) {
	return s.driver.ListMemosByIDs(ctx, ids)
}

func (s *Store) DriverName() string { return s.driver.Name() }
