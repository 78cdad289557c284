// Package repo declares the program's data interface; its
// implementation is in package pg, which only main imports.
package repo

import "context"

type Profiles interface {
	Profile(ctx context.Context, id int64) string
}
