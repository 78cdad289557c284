// Package memo holds lookups behind an in-memory memo, as sqlc's
// PostgreSQL analyzer writes them: reported when the memo is keyed by the
// element itself (every element is a new key), left alone when it is
// keyed by a field of the element that repeats (a table, a type).
package memo

import (
	"context"
	"database/sql"
	"strings"
	"sync"
)

var db *sql.DB

type field struct {
	TableOID uint32
	Attr     uint16
	TypeOID  uint32
}

type columnKey struct {
	OID  uint32
	Attr uint16
}

type analyzer struct {
	tables  sync.Map
	columns sync.Map
	formats map[uint32]string
}

func (a *analyzer) tableInfo(ctx context.Context, oid uint32) string {
	if v, ok := a.tables.Load(oid); ok {
		return v.(string)
	}
	var name string
	_ = db.QueryRowContext(ctx, "SELECT relname FROM pg_class WHERE oid = $1", oid).Scan(&name)
	a.tables.Store(oid, name)
	return name
}

func (a *analyzer) columnInfo(ctx context.Context, f field) string {
	key := columnKey{f.TableOID, f.Attr}
	if v, ok := a.columns.Load(key); ok {
		return v.(string)
	}
	var typ string
	_ = db.QueryRowContext(ctx, "SELECT atttypid FROM pg_attribute WHERE attrelid = $1 AND attnum = $2", f.TableOID, f.Attr).Scan(&typ)
	a.columns.Store(key, typ)
	return typ
}

func (a *analyzer) formatType(ctx context.Context, oid uint32) string {
	if name, ok := a.formats[oid]; ok {
		return name
	}
	var name string
	_ = db.QueryRowContext(ctx, "SELECT format_type($1, NULL)", oid).Scan(&name)
	a.formats[oid] = name
	return name
}

func (a *analyzer) describe(ctx context.Context, fields []field) {
	for _, f := range fields {
		_ = a.columnInfo(ctx, f) // want `^\(\*memo.analyzer\).columnInfo runs a query \(\(\*sql.DB\).QueryRowContext in memo/memo.go:\d+\) on a cold memo once per element of fields \(the memo is keyed by the element, so it does not spare a query in this loop\); load them`
		_ = a.tableInfo(ctx, f.TableOID)
		_ = a.formatType(ctx, f.TypeOID)
	}
}

type post struct{ ID, AuthorID int64 }

// A memo in the loop keyed by the author: once per distinct author.
func authorNames(ctx context.Context, posts []post) map[int64]string {
	names := make(map[int64]string)
	for _, p := range posts {
		if _, ok := names[p.AuthorID]; ok {
			continue
		}
		var n string
		_ = db.QueryRowContext(ctx, "SELECT name FROM users WHERE id = $1", p.AuthorID).Scan(&n)
		names[p.AuthorID] = n
	}
	return names
}

// The miss as the branch (gogs' dashboard feed: one lookup per distinct
// actor of the page): once per distinct author.
func authorAvatars(ctx context.Context, posts []post) map[int64]string {
	avatars := make(map[int64]string)
	for _, p := range posts {
		_, ok := avatars[p.AuthorID]
		if !ok {
			var a string
			_ = db.QueryRowContext(ctx, "SELECT avatar FROM users WHERE id = $1", p.AuthorID).Scan(&a)
			avatars[p.AuthorID] = a
		}
	}
	return avatars
}

// The value read and tested against its zero value (dendrite's
// roomNIDIDCache[nid] == ""): once per distinct author.
func authorEmails(ctx context.Context, posts []post) []string {
	emails := make(map[int64]string)
	var out []string
	for _, p := range posts {
		e := emails[p.AuthorID]
		if e == "" {
			_ = db.QueryRowContext(ctx, "SELECT email FROM users WHERE id = $1", p.AuthorID).Scan(&e)
			emails[p.AuthorID] = e
		}
		out = append(out, e)
	}
	return out
}

// Its twin tests the zero value but never fills the map: each post's
// author is queried.
func authorEmailsUnfilled(ctx context.Context, posts []post) []string {
	emails := make(map[int64]string)
	var out []string
	for _, p := range posts {
		e := emails[p.AuthorID]
		if e == "" {
			_ = db.QueryRowContext(ctx, "SELECT email FROM users WHERE id = $1", p.AuthorID).Scan(&e) // want `once per element of posts`
		}
		out = append(out, e)
	}
	return out
}

// Its twin marks the key as seen and keeps no result: every new author
// is queried again on the next page, and each post's author here.
func authorAvatarsSeen(ctx context.Context, posts []post) []string {
	seen := make(map[int64]bool)
	var out []string
	for _, p := range posts {
		_, ok := seen[p.AuthorID]
		if !ok {
			var a string
			_ = db.QueryRowContext(ctx, "SELECT avatar FROM users WHERE id = $1", p.AuthorID).Scan(&a) // want `once per element of posts`
			seen[p.AuthorID] = true
			out = append(out, a)
		}
	}
	return out
}

// A group started on a miss while the lookup runs before it, for every
// post (cloudreve's deletes group their files by navigator): no memo.
func groupByAuthor(ctx context.Context, posts []post) map[string][]post {
	groups := make(map[string][]post)
	for _, p := range posts {
		var a string
		_ = db.QueryRowContext(ctx, "SELECT avatar FROM users WHERE id = $1", p.AuthorID).Scan(&a) // want `once per element of posts`
		if _, ok := groups[a]; !ok {
			groups[a] = make([]post, 0)
		}
		groups[a] = append(groups[a], p)
	}
	return groups
}

// Keyed by the key of a map: each element is a new key.
func userNames(ctx context.Context, ids map[int64]bool) map[int64]string {
	names := make(map[int64]string)
	for id := range ids {
		if _, ok := names[id]; ok {
			continue
		}
		var n string
		_ = db.QueryRowContext(ctx, "SELECT name FROM users WHERE id = $1", id).Scan(&n) // want `on a cold memo once per entry of ids`
		names[id] = n
	}
	return names
}

// The values of a slice may repeat (the types of a query's parameters):
// the memo answers the repeats.
func (a *analyzer) paramTypes(ctx context.Context, oids []uint32) []string {
	var out []string
	for _, oid := range oids {
		out = append(out, a.formatType(ctx, oid))
	}
	return out
}

// A set of seen keys skips duplicates and stores no result: every new
// key still runs its query.
func claimPosts(ctx context.Context, posts []post) {
	seen := make(map[int64]struct{})
	for _, p := range posts {
		if _, ok := seen[p.ID]; ok {
			continue
		}
		seen[p.ID] = struct{}{}
		_, _ = db.ExecContext(ctx, "UPDATE posts SET owner = 1 WHERE id = $1", p.ID) // want `runs a write once per element of posts`
	}
}

type role struct {
	ID    string
	Owner string
	Roles []string
}

// A resolver memoises the roles of an owner in a field; the lookup of a
// role reaches the database only through that memo.
type resolver struct {
	rolesByOwner map[string][]role
	roleByID     map[string]role
}

func (r *resolver) roles(ctx context.Context, owner string) ([]role, error) {
	if rs, ok := r.rolesByOwner[owner]; ok {
		return rs, nil
	}
	rows, err := db.QueryContext(ctx, "SELECT id FROM roles WHERE owner = $1", owner)
	if err != nil {
		return nil, err
	}
	var rs []role
	for rows.Next() {
		var x role
		_ = rows.Scan(&x.ID)
		r.roleByID[x.ID] = x
		rs = append(rs, x)
	}
	r.rolesByOwner[owner] = rs
	return rs, nil
}

// rolesIn finds a role and its sub-roles; its only round trip is behind
// the memo of roles.
func (r *resolver) rolesIn(ctx context.Context, owner, id string) []role {
	if id == "*" {
		rs, _ := r.roles(ctx, owner)
		return rs
	}
	if _, err := r.roles(ctx, owner); err != nil {
		return nil
	}
	x := r.roleByID[strings.TrimSpace(id)]
	out := []role{x}
	for _, sub := range x.Roles {
		out = append(out, r.rolesIn(ctx, owner, sub)...)
	}
	return out
}

// rolesInFresh is the twin: the same lookup with a query of its own
// besides the memoised one.
func (r *resolver) rolesInFresh(ctx context.Context, owner, id string) []role {
	if _, err := r.roles(ctx, owner); err != nil {
		return nil
	}
	var x role
	_ = db.QueryRowContext(ctx, "SELECT id FROM roles WHERE id = $1", id).Scan(&x.ID)
	return []role{x}
}

// PolicyRoles walks the roles of each role id a caller hands in: the owner
// repeats, and the memo of roles answers the repeats.
func PolicyRoles(ctx context.Context, owner string, ids []string) []role { // want PolicyRoles:`roundtrips`
	r := &resolver{rolesByOwner: map[string][]role{}, roleByID: map[string]role{}}
	var out []role
	for _, id := range ids {
		out = append(out, r.rolesIn(ctx, owner, id)...)
	}
	return out
}

// PolicyRolesFresh is the twin: one query per id besides the memo.
func PolicyRolesFresh(ctx context.Context, owner string, ids []string) []role { // want PolicyRolesFresh:`roundtrips`
	r := &resolver{rolesByOwner: map[string][]role{}, roleByID: map[string]role{}}
	var out []role
	for _, id := range ids {
		out = append(out, r.rolesInFresh(ctx, owner, id)...) // want `\(\*memo.resolver\).rolesInFresh runs a query`
	}
	return out
}

type view struct{ ID, ProjectID int64 }

type task struct{ ID int64 }

// PlaceTasks looks up the default bucket of each view for each task,
// through a memo held by a local function that outlives the loop over
// tasks: one query per view, whatever the number of tasks.
func PlaceTasks(ctx context.Context, tasks []task, views []view) { // want PlaceTasks:`roundtrips`
	buckets := map[int64]int64{}
	bucketOf := func(v *view) int64 {
		if id, ok := buckets[v.ID]; ok {
			return id
		}
		var id int64
		_ = db.QueryRowContext(ctx, "SELECT id FROM buckets WHERE view_id = $1", v.ID).Scan(&id)
		buckets[v.ID] = id
		return id
	}
	for range tasks {
		for i := range views {
			_ = bucketOf(&views[i])
		}
		for _, v := range views {
			_ = bucketOf(&v)
		}
	}
}

// PlaceTasksFresh is the twin: the memo is made anew for each task, so
// every view of every task is a query.
func PlaceTasksFresh(ctx context.Context, tasks []task, views []*view) { // want PlaceTasksFresh:`roundtrips`
	for range tasks {
		buckets := map[int64]int64{}
		bucketOf := func(v *view) (id int64) {
			if cached, ok := buckets[v.ID]; ok {
				return cached
			}
			_ = db.QueryRowContext(ctx, "SELECT id FROM buckets WHERE view_id = $1", v.ID).Scan(&id)
			buckets[v.ID] = id
			return id
		}
		for _, v := range views {
			_ = bucketOf(v) // want `bucketOf runs a query .* on a cold memo once per element of views`
		}
	}
}

// A memo handed down to the helpers that check it, as vikunja refreshes
// the users a notification names: the loop hands each notification to
// refreshNotification, but the memo is keyed by the users it names, and
// a few users act in most notifications. The memo's miss is the branch.
type user struct {
	ID   int64
	Name string
}

type notification struct {
	ID             int64
	Doer, Assignee *user
}

func usersOf(n *notification) []*user { return []*user{n.Doer, n.Assignee} }

func refreshUser(ctx context.Context, u *user, cache map[int64]*user) {
	fresh, cached := cache[u.ID]
	if !cached {
		fresh = &user{ID: u.ID}
		_ = db.QueryRowContext(ctx, "SELECT name FROM users WHERE id = $1", u.ID).Scan(&fresh.Name)
		cache[u.ID] = fresh
	}
	*u = *fresh
}

func refreshNotification(ctx context.Context, n *notification, cache map[int64]*user) {
	for _, u := range usersOf(n) {
		refreshUser(ctx, u, cache)
	}
}

func refreshNotifications(ctx context.Context, ns []*notification) {
	cache := make(map[int64]*user)
	for _, n := range ns {
		refreshNotification(ctx, n, cache)
	}
}

// The twins: the helper keys its memo by the notification it is handed,
// in its own body or in the helper it hands the notification to, so
// every notification is a new key.
func notificationBody(ctx context.Context, n *notification, cache map[int64]string) string {
	body, ok := cache[n.ID]
	if !ok {
		_ = db.QueryRowContext(ctx, "SELECT body FROM notifications WHERE id = $1", n.ID).Scan(&body)
		cache[n.ID] = body
	}
	return body
}

func renderNotification(ctx context.Context, n *notification, cache map[int64]string) string {
	return strings.ToUpper(notificationBody(ctx, n, cache))
}

func notificationBodies(ctx context.Context, ns []*notification) {
	cache := make(map[int64]string)
	for _, n := range ns {
		_ = notificationBody(ctx, n, cache) // want `notificationBody runs a query .* on a cold memo once per element of ns`
	}
	for _, n := range ns {
		_ = renderNotification(ctx, n, cache) // want `renderNotification runs a query .* on a cold memo once per element of ns`
	}
}

// A helper whose query runs before the memo's branch is no memo: every
// call queries.
func notificationRead(ctx context.Context, n *notification, cache map[int64]string) {
	var body string
	_ = db.QueryRowContext(ctx, "SELECT body FROM notifications WHERE id = $1", n.ID).Scan(&body)
	if _, ok := cache[n.Doer.ID]; !ok {
		cache[n.Doer.ID] = body
	}
}

func notificationReads(ctx context.Context, ns []*notification) {
	cache := make(map[int64]string)
	for _, n := range ns {
		notificationRead(ctx, n, cache) // want `notificationRead runs a query \(\(\*sql.DB\).QueryRowContext in memo/memo.go:\d+\) once per element of ns; load them`
	}
}
