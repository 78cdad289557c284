package cacheinval // want package:`families\(invalidates big:\*,desc:\*,hashx:\*,mcdrop:\*,pipedx:\*,pricedrop:\*,rudrop:\*,widget:\*; widgets→widget:\*; guard widgets→widget:\*; reported free:\*,gc:\*,hash:\*,mc:\*,pinned:\*,piped:\*,price:\*,profile:\*,ru:\*,ruhash:\*,session:\*,v8:\*\)`

// The cacheinval analyzer's rules against the real go-redis v9 and v8,
// gomemcache, rueidis, ristretto v2, golang-lru v2 expirable, go-cache and
// bigcache v3, and GORM, so that a change in their APIs cannot pass
// unnoticed; store and catalog are a read-through cache over database/sql
// in two layers.
