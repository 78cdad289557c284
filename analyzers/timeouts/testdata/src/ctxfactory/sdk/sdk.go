// Package sdk is a generated API client, as oapi-codegen writes them: the
// caller hands it an *http.Client as an option, and every call takes a
// context.
package sdk

import (
	"context"
	"net/http"
)

// Doer is what the client sends requests with.
type Doer interface {
	Do(req *http.Request) (*http.Response, error)
}

type Option func(*Client)

func WithHTTPClient(d Doer) Option { return func(cl *Client) { cl.http = d } }

type Client struct {
	base string
	http Doer
}

func NewClient(base string, opts ...Option) (*Client, error) {
	c := &Client{base: base}
	for _, o := range opts {
		o(c)
	}
	return c, nil
}

func (c *Client) ListNodes(ctx context.Context) (*http.Response, error) {
	req, err := http.NewRequestWithContext(ctx, http.MethodGet, c.base+"/api/v1/node", nil)
	if err != nil {
		return nil, err
	}
	return c.http.Do(req)
}
