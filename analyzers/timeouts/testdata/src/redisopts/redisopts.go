package redisopts

import (
	"time"

	"github.com/redis/go-redis/v9"
)

func clients() {
	_ = redis.NewClient(&redis.Options{Addr: "x", ReadTimeout: -1})    // want `redis ReadTimeout of -1ns disables the socket timeout`
	_ = redis.NewClient(&redis.Options{Addr: "x", WriteTimeout: -2})   // want `redis WriteTimeout of -2ns disables the socket timeout`
	_ = redis.NewClusterClient(&redis.ClusterOptions{ReadTimeout: -1}) // want `redis ReadTimeout of -1ns disables`
	_ = redis.NewClient(&redis.Options{Addr: "x", ReadTimeout: 2 * time.Second})
	_ = redis.NewClient(&redis.Options{Addr: "x"})
	opt := &redis.Options{Addr: "x"}
	opt.ReadTimeout = -1 // want `redis ReadTimeout of -1ns disables`
	opt.WriteTimeout = time.Second
	_ = redis.NewClient(opt)
}
