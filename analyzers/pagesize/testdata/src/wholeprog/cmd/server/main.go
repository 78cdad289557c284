// Command server wires the driver into the handlers: it sees both.
package main

import (
	"wholeprog/api"
	"wholeprog/pg"
	"wholeprog/store"
)

func main() {
	d := &pg.DB{}
	_ = &api.API{Driver: d, Store: store.New(d)}
}
