// Package inproc holds read-through in-process caches (golang-lru v2, // want package:`families\(invalidates account:\*,session:\*,\{example\.com/realibs/cacheinval/inproc\.Groups\.cache\}\*,\{example\.com/realibs/cacheinval/inproc\.Labels\.byID\}\*,\{example\.com/realibs/cacheinval/inproc\.MemKVDel\.m\}\*,\{example\.com/realibs/cacheinval/inproc\.Orgs\.cache\}\*,\{example\.com/realibs/cacheinval/inproc\.Projects\.cache\}\*,\{example\.com/realibs/cacheinval/inproc\.Teams\.cache\}\*,\{example\.com/realibs/cacheinval/inproc\.Users\.cache\}\*,\{example\.com/realibs/cacheinval/inproc\.regions\(\)\}\*,\{example\.com/realibs/cacheinval/inproc\.sitesCache\}\*; accounts→account:\*; groups→\{example\.com/realibs/cacheinval/inproc\.Groups\.cache\}\*; labels→\{example\.com/realibs/cacheinval/inproc\.Labels\.byID\}\*; orgs→\{example\.com/realibs/cacheinval/inproc\.Orgs\.cache\}\*; projects→\{example\.com/realibs/cacheinval/inproc\.Projects\.cache\}\*; regions→\{example\.com/realibs/cacheinval/inproc\.regions\(\)\}\*; sites→\{example\.com/realibs/cacheinval/inproc\.sitesCache\}\*; tags→tag:\*; teams→\{example\.com/realibs/cacheinval/inproc\.Teams\.cache\}\*; users→\{example\.com/realibs/cacheinval/inproc\.Users\.cache\}\*; guard accounts→account:\*; guard groups→\{example\.com/realibs/cacheinval/inproc\.Groups\.cache\}\*; guard labels→\{example\.com/realibs/cacheinval/inproc\.Labels\.byID\}\*; guard orgs→\{example\.com/realibs/cacheinval/inproc\.Orgs\.cache\}\*; guard projects→\{example\.com/realibs/cacheinval/inproc\.Projects\.cache\}\*; guard regions→\{example\.com/realibs/cacheinval/inproc\.regions\(\)\}\*; guard sites→\{example\.com/realibs/cacheinval/inproc\.sitesCache\}\*; guard teams→\{example\.com/realibs/cacheinval/inproc\.Teams\.cache\}\*; guard users→\{example\.com/realibs/cacheinval/inproc\.Users\.cache\}\*\)`
// sync.Map, a map under a mutex, ttlcache v3, go-cache, gcache) in front
// of database/sql, each over its own table, and a key-value store over a
// map: the stale rule with and without a TTL, and the key-value wrapper
// rule, each with the correct twin.
package inproc

import (
	"context"
	"database/sql"
	"strconv"
	"sync"

	"github.com/bluele/gcache"
	lru "github.com/hashicorp/golang-lru/v2"
	"github.com/jellydator/ttlcache/v3"
	gocache "github.com/patrickmn/go-cache"
)

// Row is a row of any of the tables.
type Row struct {
	ID   int64
	Name string
}

// scanRow reads a row whose query its caller gives: its reads are known
// where the query is.
func scanRow(row *sql.Row) (Row, error) {
	var r Row
	err := row.Scan(&r.ID, &r.Name)
	return r, err
}

// ---- golang-lru v2, keyed by int64: the family is the field ----

type Users struct {
	db    *sql.DB
	cache *lru.Cache[int64, Row]
}

func (s *Users) Get(ctx context.Context, id int64) (Row, error) { // want Get:`cache\(reads users; write \{example\.com/realibs/cacheinval/inproc\.Users\.cache\}\* ttl=none from users\)`
	if u, ok := s.cache.Get(id); ok {
		return u, nil
	}
	var u Row
	err := s.db.QueryRowContext(ctx, `SELECT id, name FROM users WHERE id = $1`, id).Scan(&u.ID, &u.Name)
	if err != nil {
		return u, err
	}
	s.cache.Add(id, u)
	return u, nil
}

func (s *Users) Rename(ctx context.Context, id int64, name string) error {
	_, err := s.db.ExecContext(ctx, `UPDATE users SET name = $1 WHERE id = $2`, name, id) // want `^UPDATE of users leaves the in-process cache inproc\.Users\.cache stale: that family caches its rows \(the in-process cache inproc\.Users\.cache at inproc/inproc\.go:\d+ with no TTL\)`
	return err
}

func (s *Users) RenameAndForget(ctx context.Context, id int64, name string) error { // want RenameAndForget:`cache\(delete \{example\.com/realibs/cacheinval/inproc\.Users\.cache\}\*\)`
	_, err := s.db.ExecContext(ctx, `UPDATE users SET name = $1 WHERE id = $2`, name, id)
	s.cache.Remove(id)
	return err
}

// ---- sync.Map in a struct field ----

type Teams struct {
	db    *sql.DB
	cache sync.Map // int64 → Row
}

func (s *Teams) Get(ctx context.Context, id int64) (Row, error) { // want Get:`cache\(reads teams; write \{example\.com/realibs/cacheinval/inproc\.Teams\.cache\}\* ttl=none from teams\)`
	if v, ok := s.cache.Load(id); ok {
		return v.(Row), nil
	}
	t, err := scanRow(s.db.QueryRowContext(ctx, `SELECT id, name FROM teams WHERE id = $1`, id))
	if err != nil {
		return t, err
	}
	s.cache.Store(id, t)
	return t, nil
}

func (s *Teams) Rename(ctx context.Context, id int64, name string) error {
	_, err := s.db.ExecContext(ctx, `UPDATE teams SET name = $1 WHERE id = $2`, name, id) // want `^UPDATE of teams leaves the in-process cache inproc\.Teams\.cache stale`
	return err
}

func (s *Teams) Delete(ctx context.Context, id int64) error { // want Delete:`cache\(delete \{example\.com/realibs/cacheinval/inproc\.Teams\.cache\}\*\)`
	_, err := s.db.ExecContext(ctx, `DELETE FROM teams WHERE id = $1`, id)
	s.cache.Delete(id)
	return err
}

// A sync.Map in a local is a set of seen values, not a cache.
func dedupe(ctx context.Context, db *sql.DB, ids []int64) {
	var seen sync.Map
	for _, id := range ids {
		r, _ := scanRow(db.QueryRowContext(ctx, `SELECT id, name FROM teams WHERE id = $1`, id))
		seen.Store(id, r)
	}
}

// ---- a map under a mutex ----

type Groups struct {
	db    *sql.DB
	mu    sync.Mutex
	cache map[int64]Row
}

func (s *Groups) Get(ctx context.Context, id int64) (Row, error) { // want Get:`cache\(reads groups; write \{example\.com/realibs/cacheinval/inproc\.Groups\.cache\}\* ttl=none from groups\)`
	s.mu.Lock()
	defer s.mu.Unlock()
	if g, ok := s.cache[id]; ok {
		return g, nil
	}
	var g Row
	if err := s.db.QueryRowContext(ctx, `SELECT id, name FROM groups WHERE id = $1`, id).Scan(&g.ID, &g.Name); err != nil {
		return g, err
	}
	s.cache[id] = g
	return g, nil
}

func (s *Groups) Rename(ctx context.Context, id int64, name string) error {
	_, err := s.db.ExecContext(ctx, `UPDATE groups SET name = $1 WHERE id = $2`, name, id) // want `^UPDATE of groups leaves the in-process cache inproc\.Groups\.cache stale`
	return err
}

func (s *Groups) RenameAndForget(ctx context.Context, id int64, name string) error { // want RenameAndForget:`cache\(delete \{example\.com/realibs/cacheinval/inproc\.Groups\.cache\}\*\)`
	_, err := s.db.ExecContext(ctx, `UPDATE groups SET name = $1 WHERE id = $2`, name, id)
	s.mu.Lock()
	delete(s.cache, id)
	s.mu.Unlock()
	return err
}

// An unguarded map filled in one call is a local index, not a cache.
type Report struct{ byID map[int64]Row }

func (r *Report) load(ctx context.Context, db *sql.DB, id int64) {
	row, _ := scanRow(db.QueryRowContext(ctx, `SELECT id, name FROM groups WHERE id = $1`, id))
	r.byID[id] = row
}

// ---- ttlcache v3: NoTTL never expires, DefaultTTL does ----

type Projects struct {
	db    *sql.DB
	cache *ttlcache.Cache[string, Row]
}

func (s *Projects) Get(ctx context.Context, id int64) (Row, error) { // want Get:`cache\(reads projects; write \{example\.com/realibs/cacheinval/inproc\.Projects\.cache\}\* ttl=none from projects\)`
	key := strconv.FormatInt(id, 10)
	if it := s.cache.Get(key); it != nil {
		return it.Value(), nil
	}
	p, err := scanRow(s.db.QueryRowContext(ctx, `SELECT id, name FROM projects WHERE id = $1`, id))
	if err == nil {
		s.cache.Set(key, p, ttlcache.NoTTL)
	}
	return p, err
}

func (s *Projects) Rename(ctx context.Context, id int64, name string) error {
	_, err := s.db.ExecContext(ctx, `UPDATE projects SET name = $1 WHERE id = $2`, name, id) // want `^UPDATE of projects leaves the in-process cache inproc\.Projects\.cache stale`
	return err
}

func (s *Projects) RenameAndForget(ctx context.Context, id int64, name string) error { // want RenameAndForget:`cache\(delete \{example\.com/realibs/cacheinval/inproc\.Projects\.cache\}\*\)`
	_, err := s.db.ExecContext(ctx, `UPDATE projects SET name = $1 WHERE id = $2`, name, id)
	s.cache.Delete(strconv.FormatInt(id, 10))
	return err
}

// ---- go-cache with its default TTL: stale when a sibling path shows
// the family must be dropped ----

type Accounts struct {
	db    *sql.DB
	cache *gocache.Cache
}

func accountKey(id int64) string { return "account:" + strconv.FormatInt(id, 10) }

func (s *Accounts) Get(ctx context.Context, id int64) (Row, error) { // want Get:`cache\(reads accounts; write account:\* from accounts\)`
	if v, ok := s.cache.Get(accountKey(id)); ok {
		return v.(Row), nil
	}
	a, err := scanRow(s.db.QueryRowContext(ctx, `SELECT id, name FROM accounts WHERE id = $1`, id))
	if err == nil {
		s.cache.Set(accountKey(id), a, gocache.DefaultExpiration)
	}
	return a, err
}

// SetEmail drops the entry: the code says the family must be dropped.
func (s *Accounts) SetEmail(ctx context.Context, id int64, email string) error { // want SetEmail:`cache\(delete account:\*\)`
	_, err := s.db.ExecContext(ctx, `UPDATE accounts SET email = $1 WHERE id = $2`, email, id)
	s.cache.Delete(accountKey(id))
	return err
}

func (s *Accounts) Rename(ctx context.Context, id int64, name string) error {
	_, err := s.db.ExecContext(ctx, `UPDATE accounts SET name = $1 WHERE id = $2`, name, id) // want `^UPDATE of accounts leaves account:\* stale: that family caches its rows \(account:\* at inproc/inproc\.go:\d+ with a TTL\); \(\*inproc\.Accounts\)\.SetEmail drops or rewrites it after changing accounts`
	return err
}

// Tags expire by go-cache's default TTL and no path drops them: the plan
// accepts a stale entry for its TTL.
type Tags struct {
	db    *sql.DB
	cache *gocache.Cache
}

func (s *Tags) Get(ctx context.Context, id int64) (Row, error) { // want Get:`cache\(reads tags; write tag:\* from tags\)`
	key := "tag:" + strconv.FormatInt(id, 10)
	if v, ok := s.cache.Get(key); ok {
		return v.(Row), nil
	}
	t, err := scanRow(s.db.QueryRowContext(ctx, `SELECT id, name FROM tags WHERE id = $1`, id))
	if err == nil {
		s.cache.SetDefault(key, t)
	}
	return t, err
}

func (s *Tags) Rename(ctx context.Context, id int64, name string) error { // want Rename:`cache\(mutates tags\)`
	_, err := s.db.ExecContext(ctx, `UPDATE tags SET name = $1 WHERE id = $2`, name, id)
	return err
}

// ---- gcache, keyed by int64, with the builder's expiry ----

type Orgs struct {
	db    *sql.DB
	cache gcache.Cache
}

func (s *Orgs) Get(ctx context.Context, id int64) (Row, error) { // want Get:`cache\(reads orgs; write \{example\.com/realibs/cacheinval/inproc\.Orgs\.cache\}\* from orgs\)`
	if v, err := s.cache.Get(id); err == nil {
		return v.(Row), nil
	}
	o, err := scanRow(s.db.QueryRowContext(ctx, `SELECT id, name FROM orgs WHERE id = $1`, id))
	if err == nil {
		_ = s.cache.Set(id, o)
	}
	return o, err
}

func (s *Orgs) Delete(ctx context.Context, id int64) error { // want Delete:`cache\(delete \{example\.com/realibs/cacheinval/inproc\.Orgs\.cache\}\*\)`
	_, err := s.db.ExecContext(ctx, `DELETE FROM orgs WHERE id = $1`, id)
	s.cache.Remove(id)
	return err
}

func (s *Orgs) Rename(ctx context.Context, id int64, name string) error {
	_, err := s.db.ExecContext(ctx, `UPDATE orgs SET name = $1 WHERE id = $2`, name, id) // want `^UPDATE of orgs leaves the in-process cache inproc\.Orgs\.cache stale: .*\(\*inproc\.Orgs\)\.Delete drops or rewrites it`
	return err
}

// ---- a key-value store over a map, with no delete anywhere ----

type MemKV struct {
	mu sync.Mutex
	m  map[string][]byte
}

func (s *MemKV) Put(key string, v []byte) { // want Put:`cache\(write param1 ttl=none value=param2\)`
	s.mu.Lock()
	defer s.mu.Unlock()
	s.m[key] = v // want `^key-value store \(\*inproc\.MemKV\)\.Put writes every key of the in-process cache inproc\.MemKV\.m with no expiry and nothing in this package or its dependencies deletes, expires or flushes them \(2 callers here\)`
}

// The same store with a delete its callers use.
type MemKVDel struct {
	mu sync.Mutex
	m  map[string][]byte
}

func (s *MemKVDel) Put(key string, v []byte) { // want Put:`cache\(write param1 ttl=none value=param2\)`
	s.mu.Lock()
	defer s.mu.Unlock()
	s.m[key] = v
}

func (s *MemKVDel) Delete(key string) { // want Delete:`cache\(delete param1\)`
	s.mu.Lock()
	defer s.mu.Unlock()
	delete(s.m, key)
}

func useKV(a *MemKV, b *MemKVDel, id string) {
	a.Put("session:"+id, nil)
	a.Put("prefs:"+id, nil)
	b.Put("session:"+id, nil)
	b.Delete("session:" + id)
}

// ---- a map written by a helper whose callers hold the lock ----

type Labels struct {
	db   *sql.DB
	mu   sync.RWMutex
	byID map[int64]Row
}

func (s *Labels) Get(ctx context.Context, id int64) (Row, error) { // want Get:`cache\(reads labels; write \{example\.com/realibs/cacheinval/inproc\.Labels\.byID\}\* ttl=none from labels\)`
	s.mu.Lock()
	defer s.mu.Unlock()
	l, err := scanRow(s.db.QueryRowContext(ctx, `SELECT id, name FROM labels WHERE id = $1`, id))
	if err == nil {
		s.setLocked(id, l)
	}
	return l, err
}

func (s *Labels) setLocked(id int64, l Row) { s.byID[id] = l }

func (s *Labels) Rename(ctx context.Context, id int64, name string) error {
	_, err := s.db.ExecContext(ctx, `UPDATE labels SET name = $1 WHERE id = $2`, name, id) // want `^UPDATE of labels leaves the in-process cache inproc\.Labels\.byID stale`
	return err
}

func (s *Labels) RenameAndForget(ctx context.Context, id int64, name string) error { // want RenameAndForget:`cache\(delete \{example\.com/realibs/cacheinval/inproc\.Labels\.byID\}\*\)`
	_, err := s.db.ExecContext(ctx, `UPDATE labels SET name = $1 WHERE id = $2`, name, id)
	s.mu.Lock()
	defer s.mu.Unlock()
	delete(s.byID, id)
	return err
}

// ---- a cache reached through an accessor ----

var regionsLRU, _ = lru.New[int64, Row](1000)

func regions() *lru.Cache[int64, Row] { return regionsLRU }

func Region(ctx context.Context, db *sql.DB, id int64) (Row, error) { // want Region:`cache\(reads regions; write \{example\.com/realibs/cacheinval/inproc\.regions\(\)\}\* ttl=none from regions\)`
	if r, ok := regions().Get(id); ok {
		return r, nil
	}
	r, err := scanRow(db.QueryRowContext(ctx, `SELECT id, name FROM regions WHERE id = $1`, id))
	if err == nil {
		regions().Add(id, r)
	}
	return r, err
}

func RenameRegion(ctx context.Context, db *sql.DB, id int64, name string) error {
	_, err := db.ExecContext(ctx, `UPDATE regions SET name = $1 WHERE id = $2`, name, id) // want `^UPDATE of regions leaves the in-process cache inproc\.regions\(\) stale`
	return err
}

func RenameRegionAndForget(ctx context.Context, db *sql.DB, id int64, name string) error { // want RenameRegionAndForget:`cache\(delete \{example\.com/realibs/cacheinval/inproc\.regions\(\)\}\*\)`
	_, err := db.ExecContext(ctx, `UPDATE regions SET name = $1 WHERE id = $2`, name, id)
	regions().Remove(id)
	return err
}

// ---- an active record: the receiver is filled by the query, then cached ----

type Site struct {
	ID   int64
	Code string
}

var sitesCache, _ = lru.New[int64, *Site](100)

func (s *Site) ByID(ctx context.Context, db *sql.DB, id int64) error { // want ByID:`cache\(reads sites; write \{example\.com/realibs/cacheinval/inproc\.sitesCache\}\* ttl=none from sites value=param0\)`
	if c, ok := sitesCache.Get(id); ok {
		*s = *c
		return nil
	}
	if err := db.QueryRowContext(ctx, `SELECT id, code FROM sites WHERE id = $1`, id).Scan(&s.ID, &s.Code); err != nil {
		return err
	}
	sitesCache.Add(id, s)
	return nil
}

func (s *Site) UpdateCode(ctx context.Context, db *sql.DB, code string) error {
	_, err := db.ExecContext(ctx, `UPDATE sites SET code = $1 WHERE id = $2`, code, s.ID) // want `^UPDATE of sites leaves the in-process cache inproc\.sitesCache stale`
	return err
}

func (s *Site) Delete(ctx context.Context, db *sql.DB) error { // want Delete:`cache\(delete \{example\.com/realibs/cacheinval/inproc\.sitesCache\}\*\)`
	_, err := db.ExecContext(ctx, `DELETE FROM sites WHERE id = $1`, s.ID)
	sitesCache.Remove(s.ID)
	return err
}

// ---- a size-bounded LRU of compiled templates keyed by constant names:
// it evicts, and nothing read from a table is in it ----

var templates, _ = lru.New[string, []byte](16)

func loadTemplate(name string, compiled []byte) {
	templates.Add(name, compiled)
}

func welcome() { loadTemplate("welcome/email.body.gotmpl", []byte("hi")) }

// The same constant family in Redis-like storage with no expiry is
// reported: see ../redis.go.
