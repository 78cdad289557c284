package admin // want package:`families\(invalidates \{warnset\.warned\}\*\)`

// Package admin checks a node's guid and renames it through package
// warnset, whose fact says that its warned map is a set: no family of
// rows here either.

import (
	"context"

	"warnset"
)

func Refresh(ctx context.Context, s *warnset.Store, id int64, name string) error { // want Refresh:`cache\(reads nodes; delete \{warnset\.warned\}\*; write \{warnset\.warned\}\* ttl=none from nodes; mutates nodes\)`
	s.CheckGuid(ctx, id)
	return s.Rename(ctx, id, name)
}
