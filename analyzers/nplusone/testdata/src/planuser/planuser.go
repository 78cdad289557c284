// Package planuser loops over functions the plan declares as queries.
package planuser

import "legacy"

func users(c *legacy.Client, src legacy.Source, ids []int64) {
	for _, id := range ids {
		_ = c.FetchUser(id) // want `^\(\*legacy.Client\).FetchUser runs a query \(declared in the plan\) once per element of ids; make one call for all of them before the loop$`
		_ = c.Name()
		_ = src.Lookup("k") // want `^\(legacy.Source\).Lookup runs a query \(declared in the plan\) once per element of ids with the same arguments each time; run it once before the loop$`
	}
	_ = c.FetchAll()
}
