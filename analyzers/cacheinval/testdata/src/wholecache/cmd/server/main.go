// Command server wires the caches into the service: it sees both.
package main

import (
	"wholecache/fixedcache"
	"wholecache/rediscache"
	"wholecache/svc"
)

func main() {
	_ = &svc.Service{C: &rediscache.Redis{}, S: &fixedcache.Fixed{}}
}
