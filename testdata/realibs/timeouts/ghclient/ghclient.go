// Package ghclient is the real-libraries fixture of timeouts on go-github:
// http.DefaultClient as an options struct's default, handed to
// github.NewClient, every call of which takes its caller's context, is
// bounded by that context (flipt's GitHub SCM); the twin sends its own
// request through the default client with no context.
package ghclient

import (
	"context"
	"net/http"

	"github.com/google/go-github/v75/github"
)

type options struct {
	httpClient *http.Client
}

type fetchOptions struct {
	httpClient *http.Client
}

// Option sets a client option.
type Option func(*options)

// WithClient sets the HTTP client.
func WithClient(c *http.Client) Option { return func(o *options) { o.httpClient = c } }

// newSCM builds a GitHub client on the default HTTP client unless told.
func newSCM(opts ...Option) *github.Client {
	o := &options{httpClient: http.DefaultClient}
	for _, opt := range opts {
		opt(o)
	}
	return github.NewClient(o.httpClient)
}

// propose opens a pull request with the caller's context.
func propose(ctx context.Context, c *github.Client, owner, repo string) error {
	_, _, err := c.PullRequests.Create(ctx, owner, repo, &github.NewPullRequest{})
	return err
}

// fetch gets a URL through an options struct's default client.
func fetch(url string) (*http.Response, error) {
	o := &fetchOptions{httpClient: http.DefaultClient} // want `http.DefaultClient has no timeout`
	return o.httpClient.Get(url)
}
