package liveshapes // want package:`families\(reported forever:\*\)`

// ntfy's shapes: a topic's registry of connected subscribers and a
// write-behind queue of pending stats updates are maps under a mutex, live
// state and not caches of database rows; by default (without
// -cacheinval.maps) neither is taken for a cache, while a go-cache entry
// that never expires is reported.

import (
	"database/sql"
	"sync"

	"github.com/patrickmn/go-cache"
)

type subscriber func(msg string) error

// topic is ntfy's server.topic: subscribers by id.
type topic struct {
	mu          sync.Mutex
	subscribers map[int]*subscriber
}

func (t *topic) Subscribe(id int, s subscriber) {
	t.mu.Lock()
	defer t.mu.Unlock()
	t.subscribers[id] = &s
}

// Manager is ntfy's user.Manager: stats updates wait in statsQueue until
// a writer flushes them to the database.
type Manager struct {
	db         *sql.DB
	mu         sync.Mutex
	statsQueue map[string]int64
}

func (m *Manager) EnqueueStats(userID string, messages int64) {
	m.mu.Lock()
	defer m.mu.Unlock()
	m.statsQueue[userID] = messages
}

func (m *Manager) writeStatsQueue() error {
	m.mu.Lock()
	queue := m.statsQueue
	m.statsQueue = make(map[string]int64)
	m.mu.Unlock()
	for id, n := range queue {
		if _, err := m.db.Exec(`UPDATE user SET stats_messages = ? WHERE id = ?`, n, id); err != nil {
			return err
		}
	}
	return nil
}

// ChangeTier updates a user row: no cache of it is left stale.
func (m *Manager) ChangeTier(userID, tier string) error { // want ChangeTier:`cache\(mutates user\)`
	_, err := m.db.Exec(`UPDATE user SET tier_id = ? WHERE id = ?`, tier, userID)
	return err
}

func remember(c *cache.Cache, id string, v any) {
	c.Set("forever:"+id, v, cache.NoExpiration) // want `^cache key family forever:\* is written with no expiry`
}

func rememberForAMinute(c *cache.Cache, id string, v any) {
	c.Set("minute:"+id, v, 60_000_000_000)
}
