// Package kvuser writes three families through kvstore with no expiry: // want package:`families\(invalidates failed_attempts_\*; invalidates by prefix avatar_\*_\*; reported totp_used_\*_\*\)`
// the used passcodes, which nothing deletes (vikunja's totp_used_*_*,
// fix 0f98c19 of bench/realworld/fixes.tsv), the failed attempts, which
// a login deletes through kvstore.Del, and the avatars, which a flush
// deletes through kvstore.DelPrefix.
package kvuser

import (
	"fmt"
	"strconv"

	"example.com/realibs/cacheinval/kvstore"
)

// MarkUsed records a passcode as used, forever: the store grows by one
// key per login and nothing drops them.
func MarkUsed(user int64, code string) error { // want MarkUsed:`cache\(write totp_used_\*_\* ttl=none\)`
	key := fmt.Sprintf("totp_used_%s_%s", strconv.FormatInt(user, 10), code)
	return kvstore.Put(key, []byte("1")) // want `^cache key family totp_used_\*_\* is written with no expiry \(through kvstore.Put`
}

func attemptsKey(user int64) string { return "failed_attempts_" + strconv.FormatInt(user, 10) }

// Failed counts a failed login; Login deletes the count.
func Failed(user int64) error { // want Failed:`cache\(write failed_attempts_\* ttl=none\)`
	return kvstore.Put(attemptsKey(user), []byte("1"))
}

// Login drops the failed attempts of the user.
func Login(user int64) error { // want Login:`cache\(delete failed_attempts_\*\)`
	return kvstore.Del(attemptsKey(user))
}

// Avatar caches a user's avatar per size; FlushAvatars drops every size.
func Avatar(user int64, size int, img []byte) error { // want Avatar:`cache\(write avatar_\*_\* ttl=none value=param2\)`
	return kvstore.Put("avatar_"+strconv.FormatInt(user, 10)+"_"+strconv.Itoa(size), img)
}

// FlushAvatars deletes every size of the user's avatar by prefix.
func FlushAvatars(user int64) error { // want FlushAvatars:`cache\(delete avatar_\*_\*\)`
	return kvstore.DelPrefix("avatar_" + strconv.FormatInt(user, 10) + "_")
}
