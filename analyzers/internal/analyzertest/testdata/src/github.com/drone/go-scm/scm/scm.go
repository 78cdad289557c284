// Package scm is a stub of github.com/drone/go-scm/scm: a client for Git
// hosting APIs whose every call takes a context, which it sets on each
// request it sends through Client.
package scm

import (
	"context"
	"net/http"
)

// Client sends the requests of every service through Client, or
// http.DefaultClient when it is nil.
type Client struct {
	Client       *http.Client
	Repositories RepositoryService
}

// Repository is a hosted repository.
type Repository struct{ ID, Name string }

// RepositoryService reads repositories.
type RepositoryService interface {
	Find(ctx context.Context, repo string) (*Repository, error)
}
