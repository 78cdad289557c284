package cacheinval

import (
	"context"
	"encoding/json"
	"fmt"

	"github.com/redis/go-redis/v9"
	"gorm.io/gorm"
)

// Widget is a GORM model: its table is widgets.
type Widget struct {
	ID   int64
	Name string
}

type widgets struct {
	db  *gorm.DB
	rdb *redis.Client
}

func (w *widgets) get(ctx context.Context, id int64) (Widget, error) {
	var x Widget
	err := w.db.WithContext(ctx).First(&x, id).Error
	data, _ := json.Marshal(x)
	w.rdb.Set(ctx, fmt.Sprintf("widget:%d", id), data, 0)
	return x, err
}

func (w *widgets) rename(ctx context.Context, x *Widget) error {
	return w.db.WithContext(ctx).Save(x).Error // want `^GORM Save of widgets leaves widget:\* stale`
}

func (w *widgets) renameAndDrop(ctx context.Context, x *Widget) error {
	if err := w.db.WithContext(ctx).Model(x).Update("name", x.Name).Error; err != nil {
		return err
	}
	return w.rdb.Del(ctx, fmt.Sprintf("widget:%d", x.ID)).Err()
}

func (w *widgets) add(ctx context.Context, x *Widget) error {
	return w.db.WithContext(ctx).Create(x).Error
}
