// Package kvstore is a key-value store of the program over go-redis v9, // want package:`families\(deletes its callers' keys\)`
// as vikunja's keyvalue package is: Put writes the key its caller gives
// with no expiry, Del deletes the key its caller gives, and DelPrefix
// deletes the keys a SCAN of the caller's prefix returns. Its deletes
// count for the families its callers give it, not for every family.
package kvstore

import (
	"context"

	"github.com/redis/go-redis/v9"
)

// Redis is the store.
type Redis struct {
	client *redis.Client
}

var store = &Redis{client: redis.NewClient(&redis.Options{})}

// Put writes a value with no expiry.
func (s *Redis) Put(key string, value []byte) error { // want Put:`cache\(write param1 ttl=none value=param2\)`
	return s.client.Set(context.Background(), key, value, 0).Err()
}

// Del deletes one key.
func (s *Redis) Del(key string) error { // want Del:`cache\(delete param1\)`
	return s.client.Del(context.Background(), key).Err()
}

// ListKeys returns the keys that start with prefix.
func (s *Redis) ListKeys(prefix string) ([]string, error) { // want ListKeys:`cache\(scans param1\*\)`
	ctx := context.Background()
	var cursor uint64
	var keys []string
	for {
		k, c, err := s.client.Scan(ctx, cursor, prefix+"*", 100).Result()
		if err != nil {
			return nil, err
		}
		keys = append(keys, k...)
		cursor = c
		if cursor == 0 {
			break
		}
	}
	return keys, nil
}

// DelPrefix deletes the keys that start with prefix, listed by a SCAN.
func (s *Redis) DelPrefix(prefix string) error { // want DelPrefix:`cache\(delete param1\*\)`
	keys, err := s.ListKeys(prefix)
	if err != nil {
		return err
	}
	if len(keys) == 0 {
		return nil
	}
	return s.client.Del(context.Background(), keys...).Err()
}

// Forget deletes the keys that start with prefix, one at a time, as a
// ScanIterator returns them.
func (s *Redis) Forget(ctx context.Context, prefix string) error { // want Forget:`cache\(delete param2\*\)`
	iter := s.client.Scan(ctx, 0, prefix+"*", 100).Iterator()
	for iter.Next(ctx) {
		if err := s.client.Del(ctx, iter.Val()).Err(); err != nil {
			return err
		}
	}
	return iter.Err()
}

// ForgetAll deletes the keys that start with prefix, listed by KEYS on
// any client.
func ForgetAll(ctx context.Context, rdb redis.UniversalClient, prefix string) error { // want ForgetAll:`cache\(delete param2\*\)`
	keys, err := rdb.Keys(ctx, prefix+"*").Result()
	if err != nil {
		return err
	}
	return rdb.Del(ctx, keys...).Err()
}

// Put writes a value with no expiry.
func Put(key string, value []byte) error { // want Put:`cache\(write param0 ttl=none value=param1\)`
	return store.Put(key, value)
}

// Del deletes the key its caller gives.
func Del(key string) error { // want Del:`cache\(delete param0\)`
	return store.Del(key)
}

// DelPrefix deletes the keys that start with the caller's prefix.
func DelPrefix(prefix string) error { // want DelPrefix:`cache\(delete param0\*\)`
	return store.DelPrefix(prefix)
}
