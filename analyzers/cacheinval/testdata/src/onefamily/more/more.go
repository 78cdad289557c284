package more // want package:`families\(reported avatar:\*\)`

import (
	"context"

	"github.com/redis/go-redis/v9"

	"onefamily"
)

// onefamily reported profile:* already: under a per-package driver (go
// vet) the family is still one finding. A family of this package's own
// is reported here.

func saveProfile(ctx context.Context, rdb *redis.Client, id string, v []byte) {
	rdb.Set(ctx, onefamily.Prefix+id, v, 0)
}

func saveAvatar(ctx context.Context, rdb *redis.Client, id string, v []byte) {
	rdb.Set(ctx, "avatar:"+id, v, 0) // want `^cache key family avatar:\* is written with no expiry`
}
