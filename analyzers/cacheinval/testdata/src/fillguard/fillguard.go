package fillguard // want package:`families\(tokens→token:\*\)`

// Package fillguard caches tokens for a while. The token check fills the
// cache and then marks an expired token in the table (one-api's
// ValidateUserToken): the fill wrote the row as it was read, before the
// change, so it shows no rule that a change must drop the entry, and the
// other changes of tokens, within the TTL the plan allows, are not
// reported. Nor does a change followed by a call of the read-through
// show it: the read-through answers from the cache on a hit.

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

// validate fills the cache, then changes the row it read.
func (s *store) validate(ctx context.Context, key string, now time.Time) error {
	t, err := s.cachedToken(ctx, key)
	if err != nil || t.Expired {
		return err
	}
	_, err = s.db.ExecContext(ctx, "UPDATE tokens SET accessed = $1 WHERE key = $2", now, key)
	return err
}

// auth reaches the fill and the change through one call.
func (s *store) auth(ctx context.Context, key string) error {
	return s.validate(ctx, key, time.Now())
}

// renew changes the row, then calls the read-through, which answers from
// the cache when the entry is there: not a write of the changed row.
func (s *store) renew(ctx context.Context, key string, until time.Time) error {
	if _, err := s.db.ExecContext(ctx, "UPDATE tokens SET until = $1 WHERE key = $2", until, key); err != nil {
		return err
	}
	_, err := s.cachedToken(ctx, key)
	return err
}

// touch changes the row, then writes back what the read-through answers:
// the cached token again, with a new TTL.
func (s *store) touch(ctx context.Context, key string, now time.Time) error {
	if _, err := s.db.ExecContext(ctx, "UPDATE tokens SET touched = $1 WHERE key = $2", now, key); err != nil {
		return err
	}
	t, err := s.cachedToken(ctx, key)
	data, _ := json.Marshal(t)
	s.rdb.Set(ctx, "token:"+key, data, 10*time.Minute)
	return err
}

func (s *store) rename(ctx context.Context, key, name string) error {
	_, err := s.db.ExecContext(ctx, "UPDATE tokens SET name = $1 WHERE key = $2", name, key)
	return err
}
