// Package memstore implements ports.UserGetter in memory.
package memstore

import "context"

type Store struct{ names map[int64]string }

func (s *Store) GetUser(ctx context.Context, id int64) (string, error) { return s.names[id], nil }
