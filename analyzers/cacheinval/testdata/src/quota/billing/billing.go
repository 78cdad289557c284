// Package billing consumes quota and drops the cached entry: the guard.
package billing

import (
	"context"

	"quota/model"
)

func Consume(ctx context.Context, id, n int64) error {
	if err := model.Decrease(ctx, id, n); err != nil {
		return err
	}
	model.Drop(ctx, id)
	return nil
}
