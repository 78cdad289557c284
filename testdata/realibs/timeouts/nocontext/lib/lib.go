// Package nocontextlib stands for a library of another module whose API
// takes no context (asynq's Inspector, JumpServer's SDK): its methods run
// their queries under context.Background(), and the program has no
// context to give them. Its Store offers a variant that takes one.
package nocontextlib

import (
	"context"
	"database/sql"
)

// Inspector has no method that takes a context.
type Inspector struct{ db *sql.DB }

func NewInspector(db *sql.DB) *Inspector { return &Inspector{db: db} }

// DeleteTask deletes a task.
func (i *Inspector) DeleteTask(id string) error {
	_, err := i.db.ExecContext(context.Background(), "DELETE FROM tasks WHERE id = $1", id)
	return err
}

// Store has a variant of Get that takes a context.
type Store struct{ db *sql.DB }

func NewStore(db *sql.DB) *Store { return &Store{db: db} }

// Get reads a value with no context.
func (s *Store) Get(key string) (string, error) { return s.GetContext(context.Background(), key) }

// GetContext reads a value under ctx.
func (s *Store) GetContext(ctx context.Context, key string) (string, error) {
	var v string
	err := s.db.QueryRowContext(ctx, "SELECT v FROM kv WHERE k = $1", key).Scan(&v)
	return v, err
}
