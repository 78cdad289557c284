package planinval // want package:`families\(invalidates product:\*,products:list:first\)`

import (
	"context"
	"database/sql"

	"github.com/redis/go-redis/v9"
)

// The plan says a change to products must drop product:* and
// products:list:*; no read-through is needed to know it. Under that plan
// a write of product:* with no TTL counts as invalidated.

func updatePrice(ctx context.Context, db *sql.DB, id, price int64) error {
	_, err := db.ExecContext(ctx, "UPDATE products SET price = $1 WHERE id = $2", price, id) // want `^UPDATE of products leaves product:\*, products:list:\* stale: those families cache its rows \(product:\* by the plan's cache.invalidate; products:list:\* by the plan's cache.invalidate\)`
	return err
}

func updatePriceDropOne(ctx context.Context, db *sql.DB, rdb *redis.Client, id, price int64) error {
	_, err := db.ExecContext(ctx, "UPDATE products SET price = $1 WHERE id = $2", price, id) // want `^UPDATE of products leaves products:list:\* stale: that family`
	rdb.Del(ctx, "product:"+itoa(id))
	return err
}

func updatePriceDropBoth(ctx context.Context, db *sql.DB, rdb *redis.Client, id, price int64) error {
	_, err := db.ExecContext(ctx, "UPDATE products SET price = $1 WHERE id = $2", price, id)
	rdb.Del(ctx, "product:"+itoa(id), "products:list:first")
	return err
}

func cacheForever(ctx context.Context, rdb *redis.Client, id int64, v []byte) {
	rdb.Set(ctx, "product:"+itoa(id), v, 0)
}

func itoa(n int64) string { return string(rune('0' + n%10)) }
