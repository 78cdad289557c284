package nplusone

import (
	"context"
	"database/sql"
	"time"

	"github.com/jackc/pgx/v5/pgxpool"
	"github.com/redis/go-redis/v9"
	"github.com/uptrace/bun"
)

// More receivers and finishers of the sink tables, each next to the batched
// way: a pinned *sql.Conn, a pooled pgx connection, go-redis cluster
// clients and the Cmdable interface, GORM's Pluck and FirstOrCreate,
// bun's ScanAndCount, sqlx's NamedQuery.

func sinksOneByOne(ctx context.Context, sc *sql.Conn, pc *pgxpool.Conn, cc *redis.ClusterClient, cmd redis.Cmdable, ids []int64, keys []string) {
	for _, id := range ids {
		_ = sc.QueryRowContext(ctx, "SELECT name FROM users WHERE id = $1", id) // want `^\(\*sql.Conn\).QueryRowContext runs a query once per element of ids; load them in one query`
		_, _ = pc.Exec(ctx, "UPDATE users SET seen = true WHERE id = $1", id)   // want `^\(\*pgxpool.Conn\).Exec runs a write once per element of ids; write them in one round trip`
		var names []string
		gdb.Model(&Author{}).Where("id = ?", id).Pluck("name", &names) // want `^\(\*gorm.DB\).Pluck runs a query once per element of ids; preload the association`
		gdb.Where(Author{ID: id}).FirstOrCreate(&Author{})             // want `^\(\*gorm.DB\).FirstOrCreate runs a write once per element of ids`
		var stories []Story
		_, _ = bdb.NewSelect().Model(&stories).Where("author_id = ?", id).ScanAndCount(ctx)         // want `^\(\*bun.SelectQuery\).ScanAndCount runs a query once per element of ids`
		rows, err := xdb.NamedQuery("SELECT * FROM users WHERE id = :id", map[string]any{"id": id}) // want `^\(\*sqlx.DB\).NamedQuery runs a query once per element of ids`
		if err == nil {
			rows.Close()
		}
	}
	for _, k := range keys {
		_ = cc.Get(ctx, k)                  // want `^\(\*redis.ClusterClient\).Get runs a Redis round trip once per element of keys; fetch them in one round trip with MGet`
		_ = cmd.Set(ctx, k, 1, time.Minute) // want `^\(redis.Cmdable\).Set runs a Redis round trip once per element of keys; send them in one round trip with a pipeline`
	}
}

func sinksAtOnce(ctx context.Context, sc *sql.Conn, pc *pgxpool.Conn, cc *redis.ClusterClient, cmd redis.Cmdable, ids []int64, keys []string) error {
	rows, err := sc.QueryContext(ctx, "SELECT name FROM users WHERE id = ANY($1)", ids)
	if err != nil {
		return err
	}
	rows.Close()
	if _, err := pc.Exec(ctx, "UPDATE users SET seen = true WHERE id = ANY($1)", ids); err != nil {
		return err
	}
	var names []string
	gdb.Model(&Author{}).Where("id IN ?", ids).Pluck("name", &names)
	var stories []Story
	if _, err := bdb.NewSelect().Model(&stories).Where("author_id IN (?)", bun.In(ids)).ScanAndCount(ctx); err != nil {
		return err
	}
	_ = cc.MGet(ctx, keys...)
	_, err = cmd.Pipelined(ctx, func(p redis.Pipeliner) error {
		for _, k := range keys {
			p.Set(ctx, k, 1, time.Minute)
		}
		return nil
	})
	return err
}
