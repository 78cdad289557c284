// Package deadfield: a client kept in an unexported field that no code
// of the package reads is never sent through (gitness' maven adapter):
// not reported. Its twins keep one in a field that a method sends
// through, and one in an exported field, which other packages may read.
package deadfield

import (
	"net/http"
	"strings"
)

// Unused holds a client nothing uses.
type Unused struct {
	client *http.Client
	host   string
}

// NewUnused builds it.
func NewUnused(host string) *Unused {
	return &Unused{host: host, client: &http.Client{Transport: http.DefaultTransport}}
}

// Host reads the other field.
func (u *Unused) Host() string { return strings.ToLower(u.host) }

// Used sends through its client.
type Used struct {
	client *http.Client
}

// NewUsed builds it.
func NewUsed() *Used {
	return &Used{client: &http.Client{}} // want `http.Client has no Timeout`
}

// ping sends with no deadline.
func (u *Used) ping(url string) error {
	resp, err := u.client.Get(url)
	if err != nil {
		return err
	}
	return resp.Body.Close()
}

// Exported keeps its client where any package may read it.
type Exported struct {
	Client *http.Client
}

// NewExported builds it.
func NewExported() *Exported {
	return &Exported{Client: &http.Client{}} // want `http.Client has no Timeout`
}
