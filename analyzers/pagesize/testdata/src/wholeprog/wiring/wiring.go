// Package wiring wires the driver into the handlers, as a package between
// main and both (navidrome's plugins, memos' server): it is the first to
// see both, and resolves the handlers' calls.
package wiring

import (
	"wholeprog/api"
	"wholeprog/pg"
	"wholeprog/store"
)

func New() *api.API {
	d := &pg.DB{}
	return &api.API{Driver: d, Store: store.New(d)}
}
