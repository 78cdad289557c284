package onefamily // want package:`families\(reported profile:\*\)`

import (
	"context"
	"time"

	"github.com/redis/go-redis/v9"
)

// One family written with no expiry from three places is one cause: one
// finding at the first write, the others related.

func saveProfile(ctx context.Context, rdb *redis.Client, id string, v []byte) {
	rdb.Set(ctx, "profile:"+id, v, 0) // want `^cache key family profile:\* is written with no expiry`
}

func refreshProfile(ctx context.Context, rdb *redis.Client, id string, v []byte) {
	rdb.Set(ctx, "profile:"+id, v, 0)
}

func importProfile(ctx context.Context, rdb *redis.Client, id string, v []byte) {
	rdb.SetNX(ctx, "profile:"+id, v, 0)
}

// The same writes with a TTL.

func saveVisit(ctx context.Context, rdb *redis.Client, id string, v []byte) {
	rdb.Set(ctx, "visit:"+id, v, time.Hour)
}

func refreshVisit(ctx context.Context, rdb *redis.Client, id string, v []byte) {
	rdb.Set(ctx, "visit:"+id, v, time.Hour)
}

// Prefix lets onefamily/more import this package.
const Prefix = "profile:"
