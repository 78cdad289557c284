// Package api sets a quota through the model too.
package api

import (
	"context"

	"quota/billing"
	"quota/model"
)

func Set(ctx context.Context, id, q int64) error { return model.SetQuota(ctx, id, q) }

func Use(ctx context.Context, id int64) error { return billing.Consume(ctx, id, 1) }
