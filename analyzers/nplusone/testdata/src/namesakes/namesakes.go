// Package namesakes calls, in loops, methods named like database and
// cache calls (Query, Exec, Get, Find, First, Select, Scan, Count, Set,
// Delete) on types that make no round trip: a name-based checker flags
// them all; matching by type flags none.
package namesakes

import (
	"bufio"
	"net/url"
	"os"
	"strings"
	"sync"
	"text/template"
)

// cache is an in-process cache.
type cache struct {
	mu sync.Mutex
	m  map[string]string
}

func (c *cache) Get(key string) (string, bool) {
	c.mu.Lock()
	defer c.mu.Unlock()
	v, ok := c.m[key]
	return v, ok
}

func (c *cache) Set(key, v string) { c.mu.Lock(); c.m[key] = v; c.mu.Unlock() }
func (c *cache) Delete(key string) { c.mu.Lock(); delete(c.m, key); c.mu.Unlock() }

// repo is a repository over a slice.
type repo struct{ users []string }

func (r *repo) Find(name string) int {
	for i, u := range r.users {
		if u == name {
			return i
		}
	}
	return -1
}

func (r *repo) First() string { return r.users[0] }
func (r *repo) Count() int    { return len(r.users) }
func (r *repo) Query(q string) []string {
	var out []string
	for _, u := range r.users {
		if strings.Contains(u, q) {
			out = append(out, u)
		}
	}
	return out
}

type engine struct{ tmpl *template.Template }

func (e *engine) Exec(name string) error { return e.tmpl.ExecuteTemplate(os.Stdout, name, nil) }

func loops(c *cache, r *repo, e *engine, keys []string, m *sync.Map, u *url.URL) {
	for _, k := range keys {
		if _, ok := c.Get(k); !ok {
			c.Set(k, "v")
		}
		c.Delete(k)
		_ = r.Find(k)
		_ = r.First()
		_ = r.Count()
		_ = r.Query(k)
		_ = e.Exec(k)
		_, _ = m.Load(k)
		_ = u.Query().Get(k)
		sc := bufio.NewScanner(strings.NewReader(k))
		for sc.Scan() {
			_ = sc.Text()
		}
		var sel struct{ Select func() }
		if sel.Select != nil {
			sel.Select()
		}
	}
	m.Range(func(k, v any) bool { _ = c.Count(); return true })
}

func (c *cache) Count() int { return len(c.m) }
