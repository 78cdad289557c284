// Package boardclient is the service's Go API client, which only its
// integration tests use (focalboard's client package): a suite of tests
// decides on nothing, so its client is not reported.
package boardclient

import "net/http"

// Client calls the service's API.
type Client struct{ http *http.Client }

// New returns a client of the API at url.
func New() *Client {
	return &Client{http: &http.Client{}}
}

// Boards lists the boards.
func (c *Client) Boards(url string) error {
	resp, err := c.http.Get(url + "/api/v2/boards")
	if err != nil {
		return err
	}
	return resp.Body.Close()
}
