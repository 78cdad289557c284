// Package redis is a stub of github.com/go-redis/redis/v8.
package redis

import (
	"context"
	"time"
)

type StatusCmd struct{}

func (c *StatusCmd) Err() error { return nil }

type IntCmd struct{}

func (c *IntCmd) Err() error { return nil }

type cmdable func(ctx context.Context) error

func (c cmdable) Set(ctx context.Context, key string, value interface{}, expiration time.Duration) *StatusCmd {
	return &StatusCmd{}
}
func (c cmdable) Del(ctx context.Context, keys ...string) *IntCmd { return &IntCmd{} }

type Client struct{ cmdable }
