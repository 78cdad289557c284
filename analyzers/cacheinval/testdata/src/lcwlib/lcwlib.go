package lcwlib // want package:`families\(invalidates user:\*,\{lcwlib\.Store\.posts\}\*; posts→post:\*; tags→tag:\*; users→user:\*; guard posts→post:\*; guard users→user:\*\)`

import (
	"context"
	"database/sql"
	"time"

	lcw "github.com/go-pkgz/lcw/v2"
)

// lcw's Get(key, fn) is a read-through in one call: fn loads the row on a
// miss and the cache keeps it.

type User struct {
	ID   string
	Name string
}

type Store struct {
	db    *sql.DB
	users *lcw.LruCache[User]       // until evicted by size
	posts lcw.LoadingCache[User]    // an ExpirableCache, through the interface
	tags  *lcw.ExpirableCache[User] // expires, and no path drops it
}

func NewStore(db *sql.DB) *Store {
	users, _ := lcw.NewLruCache[User](lcw.NewOpts[User]().MaxKeys(1000))
	posts, _ := lcw.NewExpirableCache[User](lcw.NewOpts[User]().TTL(48 * time.Hour)) // want `^the lifetime \(lcw\.WorkerOptions\[T any\]\)\.TTL gives every entry of 48h is above cache\.max_ttl`
	tags, _ := lcw.NewExpirableCache[User](lcw.NewOpts[User]().TTL(time.Hour))
	return &Store{db: db, users: users, posts: posts, tags: tags}
}

func (s *Store) User(ctx context.Context, id string) (User, error) { // want User:`cache\(reads users; write user:\* ttl=none from users\)`
	return s.users.Get("user:"+id, func() (User, error) {
		var u User
		err := s.db.QueryRowContext(ctx, `SELECT id, name FROM users WHERE id = $1`, id).Scan(&u.ID, &u.Name)
		return u, err
	})
}

func (s *Store) Rename(ctx context.Context, id, name string) error {
	_, err := s.db.ExecContext(ctx, `UPDATE users SET name = $1 WHERE id = $2`, name, id) // want `^UPDATE of users leaves user:\* stale`
	return err
}

func (s *Store) RenameAndForget(ctx context.Context, id, name string) error { // want RenameAndForget:`cache\(delete user:\*\)`
	_, err := s.db.ExecContext(ctx, `UPDATE users SET name = $1 WHERE id = $2`, name, id)
	s.users.Delete("user:" + id)
	return err
}

func (s *Store) Post(ctx context.Context, id string) (User, error) { // want Post:`cache\(reads posts; write post:\* from posts\)`
	return s.posts.Get("post:"+id, func() (User, error) {
		var p User
		err := s.db.QueryRowContext(ctx, `SELECT id, title FROM posts WHERE id = $1`, id).Scan(&p.ID, &p.Name)
		return p, err
	})
}

// DeletePost drops every cached post: the code says posts must be dropped.
func (s *Store) DeletePost(ctx context.Context, id string) error { // want DeletePost:`cache\(delete \{lcwlib\.Store\.posts\}\*\)`
	_, err := s.db.ExecContext(ctx, `DELETE FROM posts WHERE id = $1`, id)
	s.posts.Invalidate(func(key string) bool { return key == "post:"+id })
	return err
}

func (s *Store) EditPost(ctx context.Context, id, title string) error {
	_, err := s.db.ExecContext(ctx, `UPDATE posts SET title = $1 WHERE id = $2`, title, id) // want `^UPDATE of posts leaves post:\* stale: .* \(\*lcwlib\.Store\)\.DeletePost drops or rewrites it after changing posts`
	return err
}

func (s *Store) Tag(ctx context.Context, id string) (User, error) { // want Tag:`cache\(reads tags; write tag:\* from tags\)`
	return s.tags.Get("tag:"+id, func() (User, error) {
		var t User
		err := s.db.QueryRowContext(ctx, `SELECT id, name FROM tags WHERE id = $1`, id).Scan(&t.ID, &t.Name)
		return t, err
	})
}

// Tags expire within the hour and no path drops them: accepted.
func (s *Store) RenameTag(ctx context.Context, id, name string) error { // want RenameTag:`cache\(mutates tags\)`
	_, err := s.db.ExecContext(ctx, `UPDATE tags SET name = $1 WHERE id = $2`, name, id)
	return err
}
