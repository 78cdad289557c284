// Package handler calls the repositories through the data store's
// accessor, in a chain (m.ds.Items(ctx).GetByName(name)), as navidrome's
// song matcher did before fix 6486a27 of bench/realworld/fixes.tsv. It
// sees neither implementation: the program resolves the calls.
package handler

import (
	"context"

	"reachchain/store"
)

type Matcher struct{ DS store.DataStore }

// One read per name: reported at the chain, naming the repository's read.
func (m *Matcher) ByName(ctx context.Context, names []string) []store.Item {
	var out []store.Item
	for _, name := range names {
		items, err := m.DS.Items(ctx).GetByName(name) // want `\(store.ItemRepo\).GetByName, implemented by \(\*sqlstore.itemRepo\).GetByName, may run a query .* once per element of names`
		if err != nil {
			continue
		}
		out = append(out, items...)
	}
	return out
}

// The twin: one read for all the names.
func (m *Matcher) ByNames(ctx context.Context, names []string) []store.Item {
	items, _ := m.DS.Items(ctx).GetByNames(names)
	return items
}
