package ttlfixes

import (
	"context"

	"github.com/redis/go-redis/v9"
)

// A parameter named time hides the package: no fix.
func saveShadowed(ctx context.Context, rdb *redis.Client, id string, v []byte, time int) {
	_ = time
	rdb.Set(ctx, "shadow:"+id, v, 0) // want `^cache key family shadow:\* is written with no expiry`
}
