package bunlib // want package:`families\(invalidates order:\*; orders→order:\*; guard orders→order:\*\)`

import (
	"context"
	"encoding/json"
	"fmt"

	"github.com/redis/go-redis/v9"
	"github.com/uptrace/bun"
)

type Order struct {
	bun.BaseModel `bun:"table:orders,alias:o"`
	ID            int64
	Status        string
}

type repo struct {
	db  *bun.DB
	rdb *redis.Client
}

func (r *repo) order(ctx context.Context, id int64) (Order, error) {
	var o Order
	err := r.db.NewSelect().Model(&o).Where("id = ?", id).Scan(ctx)
	data, _ := json.Marshal(o)
	r.rdb.Set(ctx, fmt.Sprintf("order:%d", id), data, 0)
	return o, err
}

func (r *repo) ship(ctx context.Context, o *Order) error {
	_, err := r.db.NewUpdate().Model(o).WherePK().Exec(ctx) // want `^bun Update of orders leaves order:\* stale`
	return err
}

func (r *repo) shipAndRewrite(ctx context.Context, o *Order) error {
	_, err := r.db.NewUpdate().Model(o).WherePK().Exec(ctx)
	data, _ := json.Marshal(o)
	r.rdb.Set(ctx, fmt.Sprintf("order:%d", o.ID), data, 0)
	return err
}

func (r *repo) forget(ctx context.Context, id int64) {
	r.rdb.Del(ctx, fmt.Sprintf("order:%d", id))
}

func (r *repo) place(ctx context.Context, o *Order) error {
	_, err := r.db.NewInsert().Model(o).Exec(ctx)
	return err
}
