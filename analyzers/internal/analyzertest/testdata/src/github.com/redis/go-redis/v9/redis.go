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

const KeepTTL = -1

type Options struct {
	Addr         string
	DialTimeout  time.Duration
	ReadTimeout  time.Duration
	WriteTimeout time.Duration
}

type ClusterOptions struct {
	Addrs        []string
	ReadTimeout  time.Duration
	WriteTimeout time.Duration
}

type Cmder interface{ Err() error }

type StringCmd struct{}

func (c *StringCmd) Result() (string, error) { return "", nil }
func (c *StringCmd) Bytes() ([]byte, error)  { return nil, nil }
func (c *StringCmd) Err() error              { return nil }

type StatusCmd struct{}

func (c *StatusCmd) Err() error { return nil }

type IntCmd struct{}

func (c *IntCmd) Err() error { return nil }

type SliceCmd struct{}

func (c *SliceCmd) Err() error { return nil }

type Cmd struct{}

func (c *Cmd) Err() error { return nil }

type BoolCmd struct{}

func (c *BoolCmd) Err() error { return nil }

type SetArgs struct {
	Mode     string
	TTL      time.Duration
	ExpireAt time.Time
	Get      bool
	KeepTTL  bool
}

type StringCmdable interface {
	Get(ctx context.Context, key string) *StringCmd
	Set(ctx context.Context, key string, value any, expiration time.Duration) *StatusCmd
	SetEx(ctx context.Context, key string, value any, expiration time.Duration) *StatusCmd
	SetNX(ctx context.Context, key string, value any, expiration time.Duration) *BoolCmd
	SetArgs(ctx context.Context, key string, value any, a SetArgs) *StatusCmd
	MSet(ctx context.Context, values ...any) *StatusCmd
	MGet(ctx context.Context, keys ...string) *SliceCmd
	GetDel(ctx context.Context, key string) *StringCmd
}

type Cmdable interface {
	StringCmdable
	Del(ctx context.Context, keys ...string) *IntCmd
	Unlink(ctx context.Context, keys ...string) *IntCmd
	Expire(ctx context.Context, key string, expiration time.Duration) *BoolCmd
	ExpireAt(ctx context.Context, key string, tm time.Time) *BoolCmd
	Persist(ctx context.Context, key string) *BoolCmd
	HSet(ctx context.Context, key string, values ...any) *IntCmd
	FlushDB(ctx context.Context) *StatusCmd
	Eval(ctx context.Context, script string, keys []string, args ...any) *Cmd
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
func (c cmdable) SetEx(ctx context.Context, key string, value any, expiration time.Duration) *StatusCmd {
	return &StatusCmd{}
}
func (c cmdable) SetNX(ctx context.Context, key string, value any, expiration time.Duration) *BoolCmd {
	return &BoolCmd{}
}
func (c cmdable) SetArgs(ctx context.Context, key string, value any, a SetArgs) *StatusCmd {
	return &StatusCmd{}
}
func (c cmdable) MSet(ctx context.Context, values ...any) *StatusCmd          { return &StatusCmd{} }
func (c cmdable) MGet(ctx context.Context, keys ...string) *SliceCmd          { return &SliceCmd{} }
func (c cmdable) GetDel(ctx context.Context, key string) *StringCmd           { return &StringCmd{} }
func (c cmdable) Del(ctx context.Context, keys ...string) *IntCmd             { return &IntCmd{} }
func (c cmdable) Unlink(ctx context.Context, keys ...string) *IntCmd          { return &IntCmd{} }
func (c cmdable) Persist(ctx context.Context, key string) *BoolCmd            { return &BoolCmd{} }
func (c cmdable) HSet(ctx context.Context, key string, values ...any) *IntCmd { return &IntCmd{} }
func (c cmdable) FlushDB(ctx context.Context) *StatusCmd                      { return &StatusCmd{} }
func (c cmdable) Expire(ctx context.Context, key string, expiration time.Duration) *BoolCmd {
	return &BoolCmd{}
}
func (c cmdable) ExpireAt(ctx context.Context, key string, tm time.Time) *BoolCmd { return &BoolCmd{} }
func (c cmdable) Eval(ctx context.Context, script string, keys []string, args ...any) *Cmd {
	return &Cmd{}
}
func (c cmdable) Pipeline() Pipeliner { return nil }
func (c cmdable) Pipelined(ctx context.Context, fn func(Pipeliner) error) ([]Cmder, error) {
	return nil, nil
}

type Client struct{ cmdable }

func NewClient(opt *Options) *Client { return &Client{} }

func (c *Client) Close() error { return nil }

type ClusterClient struct{ cmdable }

func NewClusterClient(opt *ClusterOptions) *ClusterClient { return &ClusterClient{} }

type Pipeline struct{ cmdable }

func (p *Pipeline) Exec(ctx context.Context) ([]Cmder, error) { return nil, nil }

type Scripter interface {
	Eval(ctx context.Context, script string, keys []string, args ...any) *Cmd
}

type Script struct{ src string }

func NewScript(src string) *Script { return &Script{src} }

func (s *Script) Run(ctx context.Context, c Scripter, keys []string, args ...any) *Cmd { return &Cmd{} }
func (s *Script) RunRO(ctx context.Context, c Scripter, keys []string, args ...any) *Cmd {
	return &Cmd{}
}
