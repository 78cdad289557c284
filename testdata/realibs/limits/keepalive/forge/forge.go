// Package forge builds the clients of a code forge's API: NewClient builds
// a transport on every call (its callers' requests are reported where it is
// built); NewSharedClient wraps one transport shared by every client.
package forge

import (
	"crypto/tls"
	"net/http"
	"time"
)

// A Client calls the forge's API for one user.
type Client struct {
	http  *http.Client
	token string
}

// NewClient returns a client for a user's token, on a transport of its own.
func NewClient(token string, skipVerify bool) *Client {
	return &Client{token: token, http: &http.Client{Transport: &http.Transport{ // want `^forge.NewClient builds a new http.Transport on every call, and main.repo uses it for its requests and drops it: .* share it$`
		TLSClientConfig: &tls.Config{InsecureSkipVerify: skipVerify}, //nolint:gosec // a fixture
	}}}
}

var shared = &http.Transport{MaxIdleConnsPerHost: 16, IdleConnTimeout: 90 * time.Second}

// NewSharedClient returns a client for a user's token on the package's one
// transport.
func NewSharedClient(token string) *Client {
	return &Client{token: token, http: &http.Client{Transport: shared}}
}

// Repo asks the forge for a repository.
func (c *Client) Repo(name string) (*http.Response, error) {
	req, err := http.NewRequest(http.MethodGet, "https://forge.example.com/api/repos/"+name, nil)
	if err != nil {
		return nil, err
	}
	req.Header.Set("Authorization", "token "+c.token)
	return c.http.Do(req)
}
