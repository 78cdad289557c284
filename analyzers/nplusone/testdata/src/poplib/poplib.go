// Package poplib loops over pop calls (kratos' code sender creates one
// code per address): pop's Create is a write, matched by type (reported
// here because this test reports writes), not the read its INSERT ...
// RETURNING runs through sqlx.
package poplib

import "github.com/ory/pop/v6"

type Code struct{ Address string }

func createPerAddress(c *pop.Connection, addresses []string) {
	for _, a := range addresses {
		_ = c.Create(&Code{Address: a}) // want `^\(\*pop.Connection\).Create runs a write once per element of addresses`
	}
}

func findPerID(c *pop.Connection, ids []int64) {
	for _, id := range ids {
		_ = c.Find(&Code{}, id) // want `^\(\*pop.Connection\).Find runs a query \(\(\*sqlx.DB\).GetContext`
	}
}
