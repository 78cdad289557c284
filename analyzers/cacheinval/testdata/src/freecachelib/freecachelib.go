package freecachelib // want package:`families\(reported fc:\*\)`

import "github.com/coocood/freecache"

// freecache: expireSeconds 0 never expires.

func forever(c *freecache.Cache, id string, v []byte) {
	c.Set([]byte("fc:"+id), v, 0) // want `^cache key family fc:\* is written with no expiry`
}

func minute(c *freecache.Cache, id string, v []byte) {
	c.Set([]byte("fcmin:"+id), v, 60)
}

func twoDays(c *freecache.Cache, id string, v []byte) {
	c.Set([]byte("fclong:"+id), v, 2*24*3600) // want `^TTL 48h for cache key family fclong:\*`
}
