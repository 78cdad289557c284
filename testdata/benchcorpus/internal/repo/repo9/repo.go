// Package repo9 stores the items of domain 9.
package repo9

import (
	"context"
	"database/sql"
	"encoding/json"
	"strconv"
	"time"

	"github.com/redis/go-redis/v9"
	"gorm.io/gorm"

	"example.com/gen/internal/model"
)

// Repo reads and writes domain 9.
type Repo struct {
	DB  *sql.DB
	GDB *gorm.DB
	RDB *redis.Client
}

var _ = time.Second

func key(id int64) string { return "item9:" + strconv.FormatInt(id, 10) }

// ByID reads one item.
func (r *Repo) ByID(ctx context.Context, id int64) (model.Item, error) {
	var it model.Item
	err := r.DB.QueryRowContext(ctx, "SELECT id, name, owner_id, updated_at FROM items9 WHERE id = $1", id).
		Scan(&it.ID, &it.Name, &it.OwnerID, &it.UpdatedAt)
	return it, err
}

// ByIDs reads many items in one query.
func (r *Repo) ByIDs(ctx context.Context, ids []int64) ([]model.Item, error) {
	rows, err := r.DB.QueryContext(ctx, "SELECT id, name, owner_id, updated_at FROM items9 WHERE id = ANY($1)", ids)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var items []model.Item
	for rows.Next() {
		var it model.Item
		if err := rows.Scan(&it.ID, &it.Name, &it.OwnerID, &it.UpdatedAt); err != nil {
			return nil, err
		}
		items = append(items, it)
	}
	return items, rows.Err()
}

// Page reads one page of items.
func (r *Repo) Page(ctx context.Context, limit int) ([]model.Item, error) {
	var items []model.Item
	err := r.GDB.WithContext(ctx).Order("id").Limit(limit).Find(&items).Error
	return items, err
}

// Cached reads an item through the cache.
func (r *Repo) Cached(ctx context.Context, id int64) (model.Item, error) {
	if data, err := r.RDB.Get(ctx, key(id)).Bytes(); err == nil {
		var it model.Item
		if json.Unmarshal(data, &it) == nil {
			return it, nil
		}
	}
	it, err := r.ByID(ctx, id)
	if err != nil {
		return it, err
	}
	data, _ := json.Marshal(it)
	r.RDB.Set(ctx, key(id), data, time.Duration(10)*time.Minute)
	return it, nil
}

// Rename updates an item and drops its cache entry.
func (r *Repo) Rename(ctx context.Context, id int64, name string) error {
	if _, err := r.DB.ExecContext(ctx, "UPDATE items9 SET name = $1 WHERE id = $2", name, id); err != nil {
		return err
	}
	return r.RDB.Del(ctx, key(id)).Err()
}
