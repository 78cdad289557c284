package rueidislib // want package:`families\(invalidates cart:\*,cart:\*:items; reported session:\*\)`

import (
	"context"
	"time"

	"github.com/redis/rueidis"
)

// rueidis builds commands with typed chains: the key, value and expiry
// are read from the chain that ends in Build().

func session(ctx context.Context, c rueidis.Client, id, v string) {
	c.Do(ctx, c.B().Set().Key("session:"+id).Value(v).Build()) // want `^cache key family session:\* is written with no expiry`
}

func sessionTTL(ctx context.Context, c rueidis.Client, id, v string) {
	c.Do(ctx, c.B().Set().Key("sessionttl:"+id).Value(v).Nx().Ex(time.Minute).Build())
}

func long(ctx context.Context, c rueidis.Client, id, v string) {
	c.Do(ctx, c.B().Set().Key("long:"+id).Value(v).ExSeconds(2*24*3600).Build()) // want `^TTL 48h for cache key family long:\*`
}

func cart(ctx context.Context, c rueidis.Client, id, v string) {
	cmd := c.B().Set().Key("cart:" + id).Value(v).Build()
	c.Do(ctx, cmd)
}

func dropCart(ctx context.Context, c rueidis.Client, id string) {
	c.Do(ctx, c.B().Del().Key("cart:"+id, "cart:"+id+":items").Build())
}
