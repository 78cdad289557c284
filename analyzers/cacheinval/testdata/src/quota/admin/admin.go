// Package admin changes quotas through the model's functions, which
// leave quota:* stale: reported at the model's changes, not at these
// calls.
package admin

import (
	"context"

	"quota/billing"
	"quota/model"
)

func SetQuota(ctx context.Context, id, q int64) error { return model.SetQuota(ctx, id, q) }

func Reward(ctx context.Context, id int64) error { return model.Grant(ctx, id, 100) }

func Refund(ctx context.Context, id, n int64) error { return model.Grant(ctx, id, n) }

func Charge(ctx context.Context, id, n int64) error { return billing.Consume(ctx, id, n) }
