// Package redis is a stub of github.com/redis/go-redis/v9.
package redis

import (
	"context"
	"time"
)

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

type StringCmd struct{}

func (c *StringCmd) Result() (string, error) { return "", nil }

type StatusCmd struct{}

type StringCmdable interface {
	Get(ctx context.Context, key string) *StringCmd
	Set(ctx context.Context, key string, value any, expiration time.Duration) *StatusCmd
}

type Cmdable interface {
	StringCmdable
}

type cmdable func(ctx context.Context, cmd any) error

func (c cmdable) Get(ctx context.Context, key string) *StringCmd { return &StringCmd{} }
func (c cmdable) Set(ctx context.Context, key string, value any, expiration time.Duration) *StatusCmd {
	return &StatusCmd{}
}

type Client struct {
	cmdable
}

func NewClient(opt *Options) *Client { return &Client{} }

type ClusterClient struct{ cmdable }

func NewClusterClient(opt *ClusterOptions) *ClusterClient { return &ClusterClient{} }
