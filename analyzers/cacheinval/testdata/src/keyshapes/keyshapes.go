package keyshapes // want package:`families\(invalidates rate:100%:\*; reported feed:\*:\*,homepage,org:\*:member:\*,product:\*,tag/\*,user:\*:sessions,visit:\*\)`

import (
	"context"
	"fmt"
	"strings"

	"github.com/redis/go-redis/v9"

	"keys"
)

// Key shapes from literals, concatenation, Sprintf, Join and key
// builders in another package.

func fromBuilder(ctx context.Context, rdb *redis.Client, id int64) {
	rdb.Set(ctx, keys.Product(id), "v", 0) // want `^cache key family product:\* is written with no expiry`
}

func fromSprintf(ctx context.Context, rdb *redis.Client, user string) {
	rdb.Set(ctx, keys.Sessions(user), "v", 0) // want `^cache key family user:\*:sessions is written with no expiry`
}

func fromJoin(ctx context.Context, rdb *redis.Client, region, page string) {
	rdb.Set(ctx, keys.Feed(region, page), "v", 0) // want `^cache key family feed:\*:\* is written with no expiry`
}

func fromLocalSprintf(ctx context.Context, rdb *redis.Client, org, id string) {
	rdb.Set(ctx, fmt.Sprintf("org:%s:member:%v", org, id), "v", 0) // want `^cache key family org:\*:member:\* is written with no expiry`
}

func fromLocalJoin(ctx context.Context, rdb *redis.Client, a string) {
	rdb.Set(ctx, strings.Join([]string{"tag", a}, "/"), "v", 0) // want `^cache key family tag/\* is written with no expiry`
}

func constantKey(ctx context.Context, rdb *redis.Client) {
	const k = "homepage"
	rdb.Set(ctx, k, "v", 0) // want `^cache key family homepage is written with no expiry`
}

// Twins: the same shapes, invalidated in this package.

func fromBuilderDropped(ctx context.Context, rdb *redis.Client, id int64) {
	rdb.Set(ctx, keys.Percent(int(id)), "v", 0)
}

func dropRate(ctx context.Context, rdb *redis.Client, id int) {
	rdb.Del(ctx, fmt.Sprintf("rate:100%%:%d", id))
}

// No family: a key that could be either of two, or the caller's.
func noFamily(ctx context.Context, rdb *redis.Client, admin bool, id string) {
	rdb.Set(ctx, keys.Either(admin, id), "v", 0)
	rdb.Set(ctx, keys.Passthrough(id), "v", 0)
}

// A key a loop may reassign keeps its family when every assignment has
// it; a key that grows around the loop has none.
func loopSameFamily(ctx context.Context, rdb *redis.Client, ids []string) {
	key := "visit:" + ids[0]
	for _, id := range ids[1:] {
		if id != "" {
			key = "visit:" + id
		}
	}
	rdb.Set(ctx, key, "v", 0) // want `^cache key family visit:\* is written with no expiry`
}

func loopGrown(ctx context.Context, rdb *redis.Client, parts []string) {
	key := "path"
	for _, p := range parts {
		key = key + ":" + p
	}
	rdb.Set(ctx, key, "v", 0)
}
