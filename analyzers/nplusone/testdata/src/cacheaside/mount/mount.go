package mount // want package:`impls\(Account\)`

// Package mount keeps a per-account map of mounts, looked up with
// comma-ok under its lock and filled after the query on a miss (sftpgo's
// per-user filesystem cache, GetFilesystemForPath). Its callers in other
// packages see, in its facts, that the query runs on a miss only.

import (
	"context"
	"database/sql"
	"sync"
)

type cache struct {
	sync.Mutex
	entries map[string]string
}

type Account struct {
	DB    *sql.DB
	cache *cache
}

func (a *Account) MountFor(ctx context.Context, mount string) (string, error) { // want MountFor:`read on a cache miss`
	cache := a.cache
	cache.Lock()
	root, ok := cache.entries[mount]
	cache.Unlock()
	if ok {
		return root, nil
	}
	if err := a.DB.QueryRowContext(ctx, "SELECT root FROM mounts WHERE path = $1", mount).Scan(&root); err != nil {
		return "", err
	}
	cache.Lock()
	cache.entries[mount] = root
	cache.Unlock()
	return root, nil
}

// MountUnfilled looks the map up but never fills it: every element may
// miss.
func (a *Account) MountUnfilled(ctx context.Context, mount string) (string, error) { // want MountUnfilled:`read: \(\*sql.DB\).QueryRowContext`
	if root, ok := a.cache.entries[mount]; ok {
		return root, nil
	}
	var root string
	err := a.DB.QueryRowContext(ctx, "SELECT root FROM mounts WHERE path = $1", mount).Scan(&root)
	return root, err
}
