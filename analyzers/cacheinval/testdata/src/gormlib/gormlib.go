package gormlib // want package:`families\(invalidates item:\*; items→item:\*; people→person:\*; guard items→item:\*; reported person:\*\)`

import (
	"context"
	"encoding/json"
	"fmt"

	"github.com/redis/go-redis/v9"
	"gorm.io/gorm"
)

// GORM: the model type gives the table (Item → items; a TableName
// method's constant wins).

type Item struct {
	ID    int64
	Price int64
}

type Person struct{ ID int64 }

func (Person) TableName() string { return "people" } // want TableName:`cache\(key people\)`

type repo struct {
	db  *gorm.DB
	rdb *redis.Client
}

func (r *repo) item(ctx context.Context, id int64) (Item, error) {
	var it Item
	if err := r.db.WithContext(ctx).First(&it, id).Error; err != nil {
		return it, err
	}
	data, _ := json.Marshal(it)
	r.rdb.Set(ctx, fmt.Sprintf("item:%d", id), data, 0)
	return it, nil
}

func (r *repo) save(ctx context.Context, it *Item) error {
	return r.db.WithContext(ctx).Save(it).Error // want `^GORM Save of items leaves item:\* stale`
}

func (r *repo) saveAndDrop(ctx context.Context, it *Item) error {
	err := r.db.WithContext(ctx).Save(it).Error
	r.rdb.Del(ctx, fmt.Sprintf("item:%d", it.ID))
	return err
}

func (r *repo) reprice(ctx context.Context, id, price int64) error {
	return r.db.Model(&Item{ID: id}).Update("price", price).Error // want `^GORM Update of items leaves item:\* stale`
}

func (r *repo) create(ctx context.Context, it *Item) error {
	return r.db.Create(it).Error
}

func (r *repo) person(ctx context.Context, id int64) (Person, error) {
	var p Person
	err := r.db.Find(&p, id).Error
	data, _ := json.Marshal(p)
	r.rdb.Set(ctx, fmt.Sprintf("person:%d", id), data, 0) // want `^cache key family person:\* is written with no expiry`
	return p, err
}

func (r *repo) removePerson(ctx context.Context, id int64) error {
	return r.db.Delete(&Person{}, id).Error // want `^GORM Delete of people leaves person:\* stale`
}

func (r *repo) removeByTable(ctx context.Context, id int64) error {
	return r.db.Table("people").Where("id = ?", id).Updates(map[string]any{"name": "x"}).Error // want `^GORM Updates of people leaves person:\* stale`
}
