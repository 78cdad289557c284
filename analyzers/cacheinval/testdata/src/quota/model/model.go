// Package model fills quota:* from users with a TTL and changes users
// (one-api's model package). It sees no path that drops the family, so
// with a TTL its changes are not stale here; billing's path, which drops
// it, shows they must be, and the packages that see billing report them
// here, where they are fixed.
package model

import (
	"context"
	"database/sql"
	"strconv"
	"time"

	"github.com/redis/go-redis/v9"
)

var (
	DB  *sql.DB
	RDB *redis.Client
)

func Quota(ctx context.Context, id int64) (int64, error) {
	var q int64
	err := DB.QueryRowContext(ctx, "SELECT quota FROM users WHERE id = $1", id).Scan(&q)
	RDB.Set(ctx, "quota:"+strconv.FormatInt(id, 10), q, 10*time.Minute)
	return q, err
}

func Decrease(ctx context.Context, id, n int64) error {
	_, err := DB.ExecContext(ctx, "UPDATE users SET quota = quota - $1 WHERE id = $2", n, id)
	return err
}

func Drop(ctx context.Context, id int64) {
	RDB.Del(ctx, "quota:"+strconv.FormatInt(id, 10))
}

// SetQuota is called once from admin and once from api: one finding here,
// with both calls as its paths.
func SetQuota(ctx context.Context, id, q int64) error {
	_, err := DB.ExecContext(ctx, "UPDATE users SET quota = $1 WHERE id = $2", q, id) // want `^UPDATE of users in model\.SetQuota leaves quota:\* stale: .*; 1 path reaches it$`
	return err
}

// Grant is called twice from admin.
func Grant(ctx context.Context, id, n int64) error {
	_, err := DB.ExecContext(ctx, "UPDATE users SET quota = quota + $1 WHERE id = $2", n, id) // want `^UPDATE of users in model\.Grant leaves quota:\* stale: .*; 2 paths reach it$`
	return err
}
