// Package pop is a stub of github.com/ory/pop/v6: Create runs its
// INSERT ... RETURNING through sqlx, as the real one does (through
// NamedQueryContext), so only the knowledge tables tell it is a write.
package pop

import (
	"context"

	"github.com/jmoiron/sqlx"
)

type Connection struct {
	db  *sqlx.DB
	ctx context.Context
}

func (c *Connection) Create(model any, excludeColumns ...string) error {
	return c.db.GetContext(c.ctx, model, "INSERT INTO t (v) VALUES ($1) RETURNING id")
}

func (c *Connection) Find(model any, id any) error {
	return c.db.GetContext(c.ctx, model, "SELECT * FROM t WHERE id = $1", id)
}
