// Package gormlib loops over GORM finishers, and preloads instead.
package gormlib

import (
	"context"

	"gorm.io/gorm"
)

type User struct {
	ID    int64
	Posts []Post
}

type Post struct {
	ID     int64
	UserID int64
}

func postsPerUser(db *gorm.DB, users []User) {
	for i := range users {
		db.Where("user_id = ?", users[i].ID).Find(&users[i].Posts) // want `^\(\*gorm.DB\).Find runs a query once per element of users; preload the association \(Preload or Joins\) or load them in one query before the loop \(Where\("id IN \?", ids\)\)$`
	}
	for _, u := range users {
		var n int64
		db.Model(&Post{}).Where("user_id = ?", u.ID).Count(&n)     // want `^\(\*gorm.DB\).Count runs a query once per element of users`
		_ = db.Model(&u).Association("Posts").Find(&u.Posts)       // want `^\(\*gorm.Association\).Find runs a query once per element of users`
		db.Model(&u).Update("seen", true)                          // want `^\(\*gorm.DB\).Update runs a write once per element of users; write them in one statement: Create with a slice, CreateInBatches, or Where\("id IN \?", ids\).Updates\(...\)$`
		_ = db.Transaction(func(tx *gorm.DB) error { return nil }) // want `^\(\*gorm.DB\).Transaction runs a transaction once per element of users`
	}
}

func postsPreloaded(db *gorm.DB) []User {
	var users []User
	db.Preload("Posts").Find(&users)
	return users
}

func postsInOneQuery(db *gorm.DB, users []User) []Post {
	ids := make([]int64, 0, len(users))
	for _, u := range users {
		ids = append(ids, u.ID)
	}
	var posts []Post
	db.Where("user_id IN ?", ids).Find(&posts)
	db.CreateInBatches(posts, 100)
	return posts
}

// Chain methods in a loop build one query, run once after it.
func filters(db *gorm.DB, names []string) []User {
	q := db.Model(&User{})
	for _, n := range names {
		q = q.Where("name <> ?", n)
	}
	var users []User
	q.Find(&users)
	return users
}

// FindInBatches runs its function once per batch.
func batches(db *gorm.DB) {
	var users []User
	db.FindInBatches(&users, 100, func(tx *gorm.DB, batch int) error {
		tx.Where("id = ?", batch).Find(&users)
		return nil
	})
}

// The generics API.
func generics(ctx context.Context, db *gorm.DB, ids []int64) {
	for _, id := range ids {
		_, _ = gorm.G[User](db).Where("id = ?", id).First(ctx) // want `^\(gorm.ChainInterface\[gormlib.User\]\).First runs a query once per element of ids`
	}
	_, _ = gorm.G[User](db).Where("id IN ?", ids).Find(ctx)
}
