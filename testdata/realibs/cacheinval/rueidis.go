package cacheinval

import (
	"context"
	"time"

	"github.com/redis/rueidis"
)

func rueidisProfile(ctx context.Context, c rueidis.Client, id, v string) {
	c.Do(ctx, c.B().Set().Key("ru:"+id).Value(v).Build()) // want `^cache key family ru:\* is written with no expiry`
}

func rueidisProfileTTL(ctx context.Context, c rueidis.Client, id, v string) {
	c.Do(ctx, c.B().Set().Key("ruttl:"+id).Value(v).Ex(time.Minute).Build())
	c.Do(ctx, c.B().Set().Key("ruttl2:"+id).Value(v).Nx().ExSeconds(60).Build())
}

func rueidisLong(ctx context.Context, c rueidis.Client, id, v string) {
	c.Do(ctx, c.B().Set().Key("rulong:"+id).Value(v).ExSeconds(3*24*3600).Build()) // want `^TTL 72h for cache key family rulong:\*`
}

func rueidisDropped(ctx context.Context, c rueidis.Client, id, v string) {
	c.Do(ctx, c.B().Set().Key("rudrop:"+id).Value(v).Build())
	c.Do(ctx, c.B().Del().Key("rudrop:"+id).Build())
}

func rueidisHash(ctx context.Context, c rueidis.Client, id, v string) {
	c.Do(ctx, c.B().Hset().Key("ruhash:"+id).FieldValue().FieldValue("f", v).Build()) // want `^cache key family ruhash:\* is written with no expiry`
}
