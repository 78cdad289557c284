package broken

import (
	"context"

	"github.com/redis/go-redis/v9"
)

// Ill-typed code: no flow, no findings, no panic.

func save(ctx context.Context, rdb *redis.Client, id string) {
	rdb.Set(ctx, "broken:"+id, 1, 0)
	undefined()
}
