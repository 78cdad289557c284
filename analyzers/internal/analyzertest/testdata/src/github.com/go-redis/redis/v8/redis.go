// Package redis is a stub of github.com/go-redis/redis/v8: commands come
// from the unexported cmdable, as in the real package.
package redis

import (
	"context"
	"time"
)

type Cmder interface{ Err() error }

type StringCmd struct{}

func (c *StringCmd) Result() (string, error) { return "", nil }
func (c *StringCmd) Err() error              { return nil }

type StatusCmd struct{}

func (c *StatusCmd) Err() error { return nil }

type IntCmd struct{}

func (c *IntCmd) Err() error { return nil }

type SliceCmd struct{}

func (c *SliceCmd) Err() error { return nil }

type StringCmdable interface {
	Get(ctx context.Context, key string) *StringCmd
	Set(ctx context.Context, key string, value any, expiration time.Duration) *StatusCmd
	MGet(ctx context.Context, keys ...string) *SliceCmd
}

type Cmdable interface {
	StringCmdable
	Del(ctx context.Context, keys ...string) *IntCmd
	Pipeline() Pipeliner
	Pipelined(ctx context.Context, fn func(Pipeliner) error) ([]Cmder, error)
}

type UniversalClient interface {
	Cmdable
	Close() error
}

type Pipeliner interface {
	Cmdable
	Exec(ctx context.Context) ([]Cmder, error)
}

type cmdable func(ctx context.Context, cmd Cmder) error

func (c cmdable) Get(ctx context.Context, key string) *StringCmd { return &StringCmd{} }
func (c cmdable) Set(ctx context.Context, key string, value any, expiration time.Duration) *StatusCmd {
	return &StatusCmd{}
}
func (c cmdable) MGet(ctx context.Context, keys ...string) *SliceCmd { return &SliceCmd{} }
func (c cmdable) Del(ctx context.Context, keys ...string) *IntCmd    { return &IntCmd{} }
func (c cmdable) Pipeline() Pipeliner                                { return nil }
func (c cmdable) Pipelined(ctx context.Context, fn func(Pipeliner) error) ([]Cmder, error) {
	return nil, nil
}

type Client struct{ cmdable }

func (c *Client) Close() error { return nil }

type Pipeline struct{ cmdable }

func (p *Pipeline) Exec(ctx context.Context) ([]Cmder, error) { return nil, nil }
