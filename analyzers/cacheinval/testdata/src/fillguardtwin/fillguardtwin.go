package fillguardtwin // want package:`families\(tokens→token:\*; guard tokens→token:\*\)`

// Package fillguardtwin writes the token through after changing it on
// one path: that path shows entries must follow the row, so a change on
// another path that leaves them is reported, whatever the TTL.

import (
	"context"
	"database/sql"
	"encoding/json"
	"time"

	"github.com/redis/go-redis/v9"
)

type Token struct {
	Key     string
	Expired bool
}

type store struct {
	db  *sql.DB
	rdb *redis.Client
}

func (s *store) cachedToken(ctx context.Context, key string) (Token, error) {
	var t Token
	err := s.db.QueryRowContext(ctx, "SELECT key, expired FROM tokens WHERE key = $1", key).Scan(&t.Key, &t.Expired)
	data, _ := json.Marshal(t)
	s.rdb.Set(ctx, "token:"+key, data, 10*time.Minute)
	return t, err
}

// expire changes the row, then writes the new token through.
func (s *store) expire(ctx context.Context, key string) error {
	if _, err := s.db.ExecContext(ctx, "UPDATE tokens SET expired = true WHERE key = $1", key); err != nil {
		return err
	}
	data, _ := json.Marshal(Token{Key: key, Expired: true})
	return s.rdb.Set(ctx, "token:"+key, data, 10*time.Minute).Err()
}

func (s *store) rename(ctx context.Context, key, name string) error {
	_, err := s.db.ExecContext(ctx, "UPDATE tokens SET name = $1 WHERE key = $2", name, key) // want `^UPDATE of tokens leaves token:\* stale: .*\(\*fillguardtwin\.store\)\.expire drops or rewrites it`
	return err
}
