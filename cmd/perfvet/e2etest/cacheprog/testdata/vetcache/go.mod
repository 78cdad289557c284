module example.com/vetcache

go 1.26.0
