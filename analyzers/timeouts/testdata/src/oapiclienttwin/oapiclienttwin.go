// Package oapiclienttwin is oapiclient's twin: its client sends a request
// with no context, so the http.Client handed to WithHTTPClient needs a
// Timeout.
package oapiclienttwin

import (
	"context"
	"net/http"
)

type HttpRequestDoer interface {
	Do(req *http.Request) (*http.Response, error)
}

type Client struct {
	Server string
	Client HttpRequestDoer
}

type ClientOption func(*Client) error

func WithHTTPClient(doer HttpRequestDoer) ClientOption {
	return func(c *Client) error {
		c.Client = doer
		return nil
	}
}

func NewClient(server string, opts ...ClientOption) (*Client, error) {
	c := &Client{Server: server}
	for _, o := range opts {
		if err := o(c); err != nil {
			return nil, err
		}
	}
	return c, nil
}

func (c *Client) GetUser(ctx context.Context, id string) (*http.Response, error) {
	req, err := http.NewRequest(http.MethodGet, c.Server+"/users/"+id, nil)
	if err != nil {
		return nil, err
	}
	return c.Client.Do(req)
}

// newAuthClient's client has no Timeout, and its requests no context.
func newAuthClient() (*Client, error) {
	httpClient := &http.Client{} // want `http.Client has no Timeout`
	return NewClient("https://auth.example.com", WithHTTPClient(httpClient))
}

func user(w http.ResponseWriter, r *http.Request) {
	c, err := newAuthClient()
	if err != nil {
		return
	}
	resp, err := c.GetUser(r.Context(), r.URL.Query().Get("id"))
	if err == nil {
		_ = resp.Body.Close()
	}
}
