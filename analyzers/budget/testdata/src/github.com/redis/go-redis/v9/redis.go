// Package redis is a stub of github.com/redis/go-redis/v9: commands come
// from the unexported cmdable, as in the real package.
package redis

import (
	"context"
	"errors"
	"time"
)

// Nil is the error a read of a missing key returns.
var Nil = errors.New("redis: nil")

type Cmder interface{ Err() error }

type StringCmd struct{}

func (c *StringCmd) Result() (string, error) { return "", nil }
func (c *StringCmd) Err() error              { return nil }

type StatusCmd struct{}

func (c *StatusCmd) Err() error { return nil }

type StringCmdable interface {
	Get(ctx context.Context, key string) *StringCmd
	Set(ctx context.Context, key string, value any, expiration time.Duration) *StatusCmd
}

type Cmdable interface {
	StringCmdable
}

type cmdable func(ctx context.Context, cmd Cmder) error

func (c cmdable) Get(ctx context.Context, key string) *StringCmd { return &StringCmd{} }
func (c cmdable) Set(ctx context.Context, key string, value any, expiration time.Duration) *StatusCmd {
	return &StatusCmd{}
}

type Client struct{ cmdable }

func NewClient() *Client { return &Client{} }
