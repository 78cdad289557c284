// Package cacheaside reads through a cache, as apache answer's config
// repository does: the cache is looked up, a hit returns, and a miss runs
// the query and stores its result. Once per element, the query runs only
// for the keys the cache does not hold: left alone, as a memo is, unless
// the loop hands it the element itself. The twins with no cache, or with a
// guard that only checks an error, are reported.
package cacheaside

import (
	"context"
	"database/sql"
)

// Cache is the program's cache: an in-process map or a remote store
// behind it, the package cannot tell.
type Cache interface {
	GetString(ctx context.Context, key string) (string, bool, error)
	SetString(ctx context.Context, key, value string) error
}

// Builder builds queries; it is no cache.
type Builder interface {
	Build(key string) (string, error)
	Log(query string, err error)
}

type data struct {
	DB      *sql.DB
	Cache   Cache
	Builder Builder
}

type repo struct{ data *data }

type user struct {
	ID   int64
	Name string
}

// config reads through the cache.
func (r repo) config(ctx context.Context, key string) (string, error) {
	cached, exist, err := r.data.Cache.GetString(ctx, "config:"+key)
	if err == nil && exist && cached != "" {
		return cached, nil
	}
	var value string
	if err := r.data.DB.QueryRowContext(ctx, "SELECT value FROM config WHERE key = $1", key).Scan(&value); err != nil {
		return "", err
	}
	_ = r.data.Cache.SetString(ctx, "config:"+key, value)
	return value, nil
}

// configFromDB is config with no cache.
func (r repo) configFromDB(ctx context.Context, key string) (string, error) {
	var value string
	err := r.data.DB.QueryRowContext(ctx, "SELECT value FROM config WHERE key = $1", key).Scan(&value)
	return value, err
}

// built tests only the error of a call on a field before its query, and
// calls the same field after it: no cache.
func (r repo) built(ctx context.Context, key string) (string, error) {
	q, err := r.data.Builder.Build(key)
	if err != nil {
		return "", err
	}
	var value string
	err = r.data.DB.QueryRowContext(ctx, q, key).Scan(&value)
	r.data.Builder.Log(q, err)
	return value, err
}

// profile reads a user's profile through the cache, keyed by the user.
func (r repo) profile(ctx context.Context, u user) (string, error) {
	cached, exist, err := r.data.Cache.GetString(ctx, u.Name)
	if err == nil && exist {
		return cached, nil
	}
	var bio string
	if err := r.data.DB.QueryRowContext(ctx, "SELECT bio FROM profiles WHERE user_id = $1", u.ID).Scan(&bio); err != nil {
		return "", err
	}
	_ = r.data.Cache.SetString(ctx, u.Name, bio)
	return bio, nil
}

func actions(ctx context.Context, db *sql.DB) []string {
	rows, err := db.QueryContext(ctx, "SELECT name FROM actions")
	if err != nil {
		return nil
	}
	defer rows.Close()
	var out []string
	for rows.Next() {
		var a string
		_ = rows.Scan(&a)
		out = append(out, a)
	}
	return out
}

func users(ctx context.Context, db *sql.DB) []user {
	rows, err := db.QueryContext(ctx, "SELECT id, name FROM users")
	if err != nil {
		return nil
	}
	defer rows.Close()
	var out []user
	for rows.Next() {
		var u user
		_ = rows.Scan(&u.ID, &u.Name)
		out = append(out, u)
	}
	return out
}

func cached(ctx context.Context, r repo) {
	for _, a := range actions(ctx, r.data.DB) {
		_, _ = r.config(ctx, "rank."+a)
	}
}

func uncached(ctx context.Context, r repo) {
	for _, a := range actions(ctx, r.data.DB) {
		_, _ = r.configFromDB(ctx, "rank."+a) // want `runs a query .* once per element of actions`
	}
}

func viaBuilder(ctx context.Context, r repo) {
	for _, a := range actions(ctx, r.data.DB) {
		_, _ = r.built(ctx, a) // want `runs a query .* once per element of actions`
	}
}

// Keyed by the element itself, every element misses the cache.
func profiles(ctx context.Context, r repo) {
	for _, u := range users(ctx, r.data.DB) {
		_, _ = r.profile(ctx, u) // want `on a cold memo once per element of users`
	}
}

// direct tests a result of a call on its own receiver, and calls the
// receiver again after its query: no cache held in a field.
func (r repo) direct(ctx context.Context, key string) (string, error) {
	q, ok := r.query(key)
	if !ok {
		return "", nil
	}
	var value string
	err := r.data.DB.QueryRowContext(ctx, q, key).Scan(&value)
	r.log(q, err)
	return value, err
}

func (r repo) query(key string) (string, bool) {
	return "SELECT value FROM config WHERE key = $1", key != ""
}

func (r repo) log(q string, err error) {}

func viaReceiver(ctx context.Context, r repo) {
	for _, a := range actions(ctx, r.data.DB) {
		_, _ = r.direct(ctx, a) // want `runs a query .* once per element of actions`
	}
}

// setting reads through the cache too, but the read it calls on a miss
// stores what it read itself (memos' GetInstanceSetting, whose
// ListInstanceSettings caches each setting it lists).
func (r repo) setting(ctx context.Context, key string) (string, error) {
	if cached, ok, _ := r.data.Cache.GetString(ctx, "setting:"+key); ok {
		if cached != "" {
			return cached, nil
		}
	}
	return r.listSettings(ctx, key)
}

func (r repo) listSettings(ctx context.Context, key string) (string, error) {
	var value string
	if err := r.data.DB.QueryRowContext(ctx, "SELECT value FROM settings WHERE key = $1", key).Scan(&value); err != nil {
		return "", err
	}
	r.remember(ctx, key, value)
	return value, nil
}

func (r repo) remember(ctx context.Context, key, value string) {
	_ = r.data.Cache.SetString(ctx, "setting:"+key, value)
}

// settingUnfilled looks the cache up, but nothing on its miss path stores
// into it: the cache is filled elsewhere, if at all, and every element may
// miss it.
func (r repo) settingUnfilled(ctx context.Context, key string) (string, error) {
	if cached, ok, _ := r.data.Cache.GetString(ctx, "setting:"+key); ok {
		return cached, nil
	}
	return r.settingFromDB(ctx, key)
}

func (r repo) settingFromDB(ctx context.Context, key string) (string, error) {
	var value string
	err := r.data.DB.QueryRowContext(ctx, "SELECT value FROM settings WHERE key = $1", key).Scan(&value)
	_, _, _ = r.data.Cache.GetString(ctx, "setting:"+key) // a second lookup is no store
	return value, err
}

func settings(ctx context.Context, r repo) {
	for _, a := range actions(ctx, r.data.DB) {
		_, _ = r.setting(ctx, "limit."+a)
	}
	for _, a := range actions(ctx, r.data.DB) {
		_, _ = r.settingUnfilled(ctx, "limit."+a) // want `runs a query .* once per element of actions`
	}
}

// greeting reads one fixed key through the cache: its query runs once per
// process, whatever loop calls it, even one that hands it the element.
func (r repo) greeting(ctx context.Context, u user) string {
	v, _ := r.config(ctx, "greeting")
	return v + u.Name
}

func greetings(ctx context.Context, r repo) {
	for _, u := range users(ctx, r.data.DB) {
		_ = r.greeting(ctx, u)
	}
}
