package partialdel // want package:`families\(invalidates avatar_\*,profile_\*,thumb_\*_\*\)`

// Package partialdel fills one cache key per user and size, and flushes a
// user's entries: by a key no fill writes (the fills' keys extend it), or
// by each key of the family.

import (
	"context"
	"strconv"
	"time"

	"github.com/redis/go-redis/v9"
)

type Avatars struct{ rdb *redis.Client }

func render(userID int64, size int) []byte { return []byte(strconv.Itoa(size)) }

var sizes = []int{32, 64, 128}

func (a *Avatars) avatar(ctx context.Context, userID int64, size int) []byte {
	key := "avatar_" + strconv.FormatInt(userID, 10) + "_" + strconv.Itoa(size)
	if b, err := a.rdb.Get(ctx, key).Bytes(); err == nil {
		return b
	}
	b := render(userID, size)
	a.rdb.Set(ctx, key, b, time.Hour)
	return b
}

// flush means to drop the user's avatars and drops a key nobody writes.
func (a *Avatars) flush(ctx context.Context, userID int64) {
	a.rdb.Del(ctx, "avatar_"+strconv.FormatInt(userID, 10)) // want `^deletes cache key avatar_\*, but this package writes that family as avatar_\*_\* and never a key of the shape avatar_\*: the delete drops none of the entries, which stay stale until they expire; delete each key of avatar_\*_\* \(or the family by its prefix\)$`
}

// The same cache done right: the flush deletes each size's key.
func (a *Avatars) thumb(ctx context.Context, userID int64, size int) []byte {
	key := "thumb_" + strconv.FormatInt(userID, 10) + "_" + strconv.Itoa(size)
	if b, err := a.rdb.Get(ctx, key).Bytes(); err == nil {
		return b
	}
	b := render(userID, size)
	a.rdb.Set(ctx, key, b, time.Hour)
	return b
}

func (a *Avatars) flushThumbs(ctx context.Context, userID int64) {
	for _, s := range sizes {
		a.rdb.Del(ctx, "thumb_"+strconv.FormatInt(userID, 10)+"_"+strconv.Itoa(s))
	}
}

// A key that is itself written as well as the longer family: the delete
// drops the user's profile, a key of its own.
func (a *Avatars) profile(ctx context.Context, userID int64, b []byte) {
	a.rdb.Set(ctx, "profile_"+strconv.FormatInt(userID, 10), b, time.Hour)
	a.rdb.Set(ctx, "profile_"+strconv.FormatInt(userID, 10)+"_bio", b, time.Hour)
}

func (a *Avatars) dropProfile(ctx context.Context, userID int64) {
	a.rdb.Del(ctx, "profile_"+strconv.FormatInt(userID, 10))
}
