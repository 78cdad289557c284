// Package legacy is a client perfvet cannot see into: the plan declares
// its fetches as queries.
package legacy

type Client struct{ calls int }

func (c *Client) FetchUser(id int64) string { c.calls++; return "" }
func (c *Client) FetchAll() []string        { return nil }
func (c *Client) Name() string              { return "legacy" }

type Source interface {
	Lookup(key string) string
}
