// Package store reads issues a page at a time and loads their
// attributes lazily, as gogs' database package does.
package store

import (
	"context"
	"database/sql"
)

var db *sql.DB

type Repo struct {
	ID, OwnerID, ParentID int64
	Name                  string
	Owner                 *User
	Parent                *Repo
}

type User struct {
	ID   int64
	Name string
}

func getUser(ctx context.Context, id int64) (*User, error) {
	u := &User{ID: id}
	err := db.QueryRowContext(ctx, "SELECT name FROM users WHERE id = $1", id).Scan(&u.Name)
	return u, err
}

// GetOwner loads the owner, if it is not yet.
func (r *Repo) GetOwner(ctx context.Context) (err error) {
	if r.Owner != nil {
		return nil
	}
	r.Owner, err = getUser(ctx, r.OwnerID)
	return err
}

// GetParent loads the repository a fork was made from, if it is not yet.
func (r *Repo) GetParent(ctx context.Context) (err error) {
	if r.Parent == nil && r.ParentID > 0 {
		r.Parent, err = getRepo(ctx, r.ParentID)
	}
	return err
}

func (r *Repo) loadAttributes(ctx context.Context) (err error) {
	if r.Owner == nil {
		r.Owner, err = getUser(ctx, r.OwnerID)
	}
	return err
}

type Issue struct {
	ID, RepoID int64
	Repo       *Repo
	Labels     []string
}

// getRepo reads a repository and loads its owner.
func getRepo(ctx context.Context, id int64) (*Repo, error) {
	r := &Repo{ID: id}
	if err := db.QueryRowContext(ctx, "SELECT name, owner_id FROM repos WHERE id = $1", id).Scan(&r.Name, &r.OwnerID); err != nil {
		return nil, err
	}
	return r, r.loadAttributes(ctx)
}

func labelsOf(ctx context.Context, issue int64) ([]string, error) {
	rows, err := db.QueryContext(ctx, "SELECT name FROM labels WHERE issue_id = $1", issue)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var names []string
	for rows.Next() {
		var n string
		_ = rows.Scan(&n)
		names = append(names, n)
	}
	return names, rows.Err()
}

// LoadAttributes is a lazy loader: it queries only for the attributes
// still nil.
func (i *Issue) LoadAttributes(ctx context.Context) error { return i.loadAttributes(ctx) }

func (i *Issue) loadAttributes(ctx context.Context) (err error) {
	if i.Repo == nil {
		if i.Repo, err = getRepo(ctx, i.RepoID); err != nil {
			return err
		}
	}
	if i.Labels == nil && i.ID > 0 {
		i.Labels, err = labelsOf(ctx, i.ID)
	}
	return err
}

// Refresh reads the repository again, whatever the issue holds.
func (i *Issue) Refresh(ctx context.Context) (err error) {
	i.Repo, err = getRepo(ctx, i.RepoID)
	return err
}

func page(ctx context.Context, n int) ([]*Issue, error) {
	rows, err := db.QueryContext(ctx, "SELECT id, repo_id FROM issues ORDER BY id LIMIT 20 OFFSET $1", n*20)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var issues []*Issue
	for rows.Next() {
		i := new(Issue)
		_ = rows.Scan(&i.ID, &i.RepoID)
		issues = append(issues, i)
	}
	return issues, rows.Err()
}

// Issues returns a page of issues with their attributes loaded (an N+1
// of its own, reported here).
func Issues(ctx context.Context, n int) ([]*Issue, error) {
	if n < 0 {
		return make([]*Issue, 0), nil
	}
	issues, err := page(ctx, n)
	if err != nil {
		return nil, err
	}
	for i := range issues {
		if err := issues[i].LoadAttributes(ctx); err != nil { // want `once per element of issues`
			return nil, err
		}
	}
	return issues, nil
}

// Page returns a page of issues as read, attributes not loaded.
func Page(ctx context.Context, n int) ([]*Issue, error) { return page(ctx, n) }

// Recent returns the latest page of issues, loaded.
func Recent(ctx context.Context) []*Issue {
	issues, _ := page(ctx, 0)
	for _, i := range issues {
		_ = i.LoadAttributes(ctx) // want `once per element of issues`
	}
	return issues
}
