package timeouts

import (
	"context"
	"net/http"
	"time"

	"github.com/gin-gonic/gin"
	"github.com/labstack/echo/v4"
	"github.com/redis/go-redis/v9"
)

var (
	rdb       *redis.Client         // Get and Set are promoted from the embedded unexported cmdable
	cmds      redis.Cmdable         // Get comes from the embedded StringCmdable interface
	universal redis.UniversalClient // embeds Cmdable
	cluster   *redis.ClusterClient  // another concrete client
)

// ---- Redis commands in request paths ----

func redisHandler(w http.ResponseWriter, r *http.Request) {
	v, _ := rdb.Get(context.TODO(), "user:1").Result()          // want `\(\*redis.Client\).Get runs a Redis command with context.TODO\(\) in a request path, so it keeps running after the client has gone; pass the request's context \(r.Context\(\)\)`
	_ = rdb.Set(context.TODO(), "user:1", v, time.Minute).Err() // want `\(\*redis.Client\).Set runs a Redis command with context.TODO\(\) in a request path`
	_ = cmds.Get(context.Background(), "user:1")                // want `\(redis.StringCmdable\).Get runs a Redis command with context.Background\(\) in a request path`
	bg := context.WithValue(context.Background(), key{}, "v")
	_ = universal.Set(bg, "user:1", v, time.Minute) // want `\(redis.StringCmdable\).Set runs a Redis command with bg in a request path`
	_ = universal.Del(context.TODO(), "user:1")     // want `\(redis.GenericCmdable\).Del runs a Redis command with context.TODO\(\) in a request path`
	_ = cluster.Get(context.TODO(), "user:1")       // want `\(\*redis.ClusterClient\).Get runs a Redis command with context.TODO\(\) in a request path`
}

func redisHandlerWithRequestContext(w http.ResponseWriter, r *http.Request) {
	ctx := r.Context()
	v, _ := rdb.Get(ctx, "user:1").Result()
	_ = rdb.Set(r.Context(), "user:1", v, time.Minute).Err()
	_ = cmds.Get(ctx, "user:1")
	withValue := context.WithValue(ctx, key{}, "v")
	_ = universal.Set(withValue, "user:1", v, time.Minute)
	_ = universal.Del(ctx, "user:1")
	_ = cluster.Get(ctx, "user:1")
}

func redisGin(c *gin.Context) {
	_ = rdb.Get(context.TODO(), "user:"+c.Param("id")) // want `\(\*redis.Client\).Get runs a Redis command with context.TODO\(\) in a request path, .*; pass the request's context \(c.Request.Context\(\)\)`
	_ = rdb.Get(c.Request.Context(), "user:"+c.Param("id"))
}

func redisEcho(c echo.Context) error {
	err := universal.Set(context.Background(), "user:"+c.Param("id"), "x", time.Minute).Err() // want `\(redis.StringCmdable\).Set runs a Redis command with context.Background\(\) in a request path, .*; pass the request's context \(c.Request\(\).Context\(\)\)`
	if err != nil {
		return err
	}
	return universal.Set(c.Request().Context(), "user:"+c.Param("id"), "x", time.Minute).Err()
}

func redisJob() {
	// Not a request path.
	_ = rdb.Get(context.Background(), "user:1")
}

// ---- go-redis options that disable the socket timeouts ----

func redisClientsDisabled() {
	_ = redis.NewClient(&redis.Options{Addr: "localhost:6379", ReadTimeout: -1})                                                      // want `redis ReadTimeout of -1ns disables the socket timeout; a Redis server that stops answering holds this goroutine forever; leave it unset \(the default is a few seconds\) or set a positive timeout`
	_ = redis.NewClient(&redis.Options{Addr: "localhost:6379", WriteTimeout: -2})                                                     // want `redis WriteTimeout of -2ns disables the socket timeout`
	_ = redis.NewClusterClient(&redis.ClusterOptions{Addrs: []string{"localhost:7000"}, ReadTimeout: -1})                             // want `redis ReadTimeout of -1ns disables the socket timeout`
	_ = redis.NewUniversalClient(&redis.UniversalOptions{Addrs: []string{"localhost:6379"}, WriteTimeout: -1})                        // want `redis WriteTimeout of -1ns disables the socket timeout`
	_ = redis.NewRing(&redis.RingOptions{Addrs: map[string]string{"a": "localhost:6379"}, ReadTimeout: -2})                           // want `redis ReadTimeout of -2ns disables the socket timeout`
	_ = redis.NewFailoverClient(&redis.FailoverOptions{MasterName: "m", SentinelAddrs: []string{"localhost:26379"}, ReadTimeout: -1}) // want `redis ReadTimeout of -1ns disables the socket timeout`
	opt := &redis.Options{Addr: "localhost:6379"}
	opt.ReadTimeout = -1  // want `redis ReadTimeout of -1ns disables the socket timeout`
	opt.WriteTimeout = -1 // want `redis WriteTimeout of -1ns disables the socket timeout`
	_ = redis.NewClient(opt)
}

func redisClientsBounded() {
	_ = redis.NewClient(&redis.Options{Addr: "localhost:6379", ReadTimeout: 2 * time.Second})
	_ = redis.NewClient(&redis.Options{Addr: "localhost:6379", WriteTimeout: 2 * time.Second})
	_ = redis.NewClient(&redis.Options{Addr: "localhost:6379"})
	_ = redis.NewClusterClient(&redis.ClusterOptions{Addrs: []string{"localhost:7000"}, ReadTimeout: time.Second})
	_ = redis.NewUniversalClient(&redis.UniversalOptions{Addrs: []string{"localhost:6379"}, WriteTimeout: time.Second})
	_ = redis.NewRing(&redis.RingOptions{Addrs: map[string]string{"a": "localhost:6379"}, ReadTimeout: time.Second})
	_ = redis.NewFailoverClient(&redis.FailoverOptions{MasterName: "m", SentinelAddrs: []string{"localhost:26379"}, ReadTimeout: time.Second})
	opt := &redis.Options{Addr: "localhost:6379"}
	opt.ReadTimeout = 3 * time.Second
	opt.WriteTimeout = 3 * time.Second
	_ = redis.NewClient(opt)
}

// A client made in a handler is wasteful, but it runs no command: go-redis's
// constructor is described by the knowledge tables, not by what its
// internals do with contexts.
func redisClientInHandler(w http.ResponseWriter, r *http.Request) {
	c := redis.NewClient(&redis.Options{Addr: "localhost:6379"})
	defer c.Close()
	_ = c.Get(r.Context(), "k")
}
