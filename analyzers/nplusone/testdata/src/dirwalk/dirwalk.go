// Package dirwalk: loops over a directory listing (fs.FileInfo,
// fs.DirEntry) walk the files of one directory, doing a file operation
// per file; a query beside each operation (a hook, a quota check) is not
// the loop's cost, even when listing the directory made a round trip on
// the way (sftpgo's recursive remove, copy, zip and retention walks). The
// twins walk a page of rows, and a page cut out of a listing for an
// endpoint: both reported.
package dirwalk

import (
	"context"
	"database/sql"
	"io/fs"
	"os"
	"path"
)

var db *sql.DB

// quotaLeft is the per-file check: one query.
func quotaLeft(ctx context.Context, user string) int64 {
	var left int64
	_ = db.QueryRowContext(ctx, "SELECT quota - used FROM users WHERE name = $1", user).Scan(&left)
	return left
}

// A recursive removal over os.ReadDir's entries.
func removeAll(ctx context.Context, user, dir string) error {
	entries, err := os.ReadDir(dir)
	if err != nil {
		return err
	}
	for _, e := range entries {
		p := path.Join(dir, e.Name())
		if e.IsDir() {
			if err := removeAll(ctx, user, p); err != nil {
				return err
			}
			continue
		}
		quotaLeft(ctx, user)
		_ = os.Remove(p)
	}
	return os.Remove(dir)
}

// lister pages through a directory, as a virtual filesystem's does; the
// program's lister resolves the user's filesystem with a query first.
type lister interface {
	next(limit int) ([]fs.FileInfo, error)
}

type userLister struct {
	user string
	dir  string
}

func (l *userLister) next(limit int) ([]fs.FileInfo, error) {
	var root string
	if err := db.QueryRowContext(context.Background(), "SELECT home FROM users WHERE name = $1 LIMIT $2", l.user, limit).Scan(&root); err != nil {
		return nil, err
	}
	entries, err := os.ReadDir(path.Join(root, l.dir))
	if err != nil {
		return nil, err
	}
	infos := make([]fs.FileInfo, 0, len(entries))
	for _, e := range entries {
		if fi, err := e.Info(); err == nil {
			infos = append(infos, fi)
		}
	}
	return infos, nil
}

// A copy over a lister's batches, and over the subdirectories it
// collected.
func copyTree(ctx context.Context, l lister, user, dir string) error {
	var dirs []string
	files, err := l.next(100)
	if err != nil {
		return err
	}
	for _, fi := range files {
		if fi.IsDir() {
			dirs = append(dirs, path.Join(dir, fi.Name()))
			continue
		}
		quotaLeft(ctx, user)
	}
	for _, d := range dirs {
		if err := copyTree(ctx, &userLister{user: user, dir: d}, user, d); err != nil {
			return err
		}
	}
	return nil
}

// zipEntries is handed a listing by its caller.
func zipEntries(ctx context.Context, user string, infos []os.FileInfo) {
	for _, fi := range infos {
		if !fi.IsDir() {
			quotaLeft(ctx, user)
		}
	}
}

// zipDir hands zipEntries a listing.
func zipDir(ctx context.Context, user, dir string) error {
	infos, err := (&userLister{user: user, dir: dir}).next(1000)
	if err != nil {
		return err
	}
	zipEntries(ctx, user, infos)
	return nil
}

// The twin: the same check per user of a page of rows.
func quotasOfPage(ctx context.Context, limit int) error {
	rows, err := db.QueryContext(ctx, "SELECT name FROM users ORDER BY name LIMIT $1", limit)
	if err != nil {
		return err
	}
	defer rows.Close()
	var names []string
	for rows.Next() {
		var n string
		if err := rows.Scan(&n); err != nil {
			return err
		}
		names = append(names, n)
	}
	for _, n := range names {
		quotaLeft(ctx, n) // want `quotaLeft runs a query .* once per element of names`
	}
	return rows.Err()
}

// File is a listing entry the program shows.
type File struct{ Name string }

// pageOf cuts one page out of a listing.
func pageOf(files []File, page, perPage int) []File {
	start := min((page-1)*perPage, len(files))
	return files[start:min(start+perPage, len(files))]
}

// The twin: a page cut out of a directory's listing for an endpoint, with
// a label query per file of the page (alist before aea3ba1).
func labelsOfPage(ctx context.Context, dir string, page, perPage int) {
	entries, _ := os.ReadDir(dir)
	files := make([]File, 0, len(entries))
	for _, e := range entries {
		files = append(files, File{Name: e.Name()})
	}
	for _, f := range pageOf(files, page, perPage) {
		_ = db.QueryRowContext(ctx, "SELECT label FROM labels WHERE file = $1", f.Name) // want `runs a query once per element`
	}
}
