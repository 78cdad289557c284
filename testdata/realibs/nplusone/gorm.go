package nplusone

import (
	"context"

	"gorm.io/gorm"
)

var gdb *gorm.DB

type Author struct {
	ID    int64
	Name  string
	Books []Book
}

type Book struct {
	ID       int64
	AuthorID int64
	Title    string
}

func gormBooks(authors []Author) {
	for i := range authors {
		gdb.Where("author_id = ?", authors[i].ID).Find(&authors[i].Books) // want `^\(\*gorm.DB\).Find runs a query once per element of authors; preload the association \(Preload or Joins\) or load them in one query before the loop \(Where\("id IN \?", ids\)\)$`
	}
	for _, a := range authors {
		var n int64
		gdb.Model(&Book{}).Where("author_id = ?", a.ID).Count(&n)   // want `^\(\*gorm.DB\).Count runs a query once per element of authors`
		_ = gdb.Model(&a).Association("Books").Find(&a.Books)       // want `^\(\*gorm.Association\).Find runs a query once per element of authors`
		gdb.Model(&a).Update("name", a.Name)                        // want `^\(\*gorm.DB\).Update runs a write once per element of authors`
		gdb.Create(&Book{AuthorID: a.ID})                           // want `^\(\*gorm.DB\).Create runs a write once per element of authors`
		_ = gdb.Transaction(func(tx *gorm.DB) error { return nil }) // want `^\(\*gorm.DB\).Transaction runs a transaction once per element of authors`
	}
}

func gormPreloaded() []Author {
	var authors []Author
	gdb.Preload("Books").Find(&authors)
	gdb.Joins("Books").Find(&authors)
	return authors
}

func gormInOneQuery(authors []Author, books []Book) {
	ids := make([]int64, len(authors))
	for i, a := range authors {
		ids[i] = a.ID
	}
	var all []Book
	gdb.Where("author_id IN ?", ids).Find(&all)
	gdb.CreateInBatches(books, 100)
	var batch []Book
	gdb.FindInBatches(&batch, 100, func(tx *gorm.DB, n int) error {
		for range batch {
		}
		return nil
	})
}

// Chain methods in a loop build one query, run once after it.
func gormFilters(names []string) []Author {
	q := gdb.Model(&Author{})
	for _, n := range names {
		q = q.Where("name <> ?", n)
	}
	var authors []Author
	q.Find(&authors)
	return authors
}

func gormGenerics(ctx context.Context, ids []int64) {
	for _, id := range ids {
		_, _ = gorm.G[Author](gdb).Where("id = ?", id).First(ctx) // want `^\(gorm.ChainInterface\[nplusone.Author\]\).First runs a query once per element of ids`
	}
	_, _ = gorm.G[Author](gdb).Where("id IN ?", ids).Find(ctx)
}
