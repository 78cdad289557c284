// Package dockertest is a stub of github.com/ory/dockertest/v3: what the
// fixtures use.
package dockertest

type Pool struct{}

type Resource struct{}

func NewPool(endpoint string) (*Pool, error) { return &Pool{}, nil }

func (p *Pool) Retry(op func() error) error { return op() }

func (r *Resource) GetHostPort(portID string) string { return "" }
