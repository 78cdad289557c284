// Package paged checks nplusone's default on the real libraries: a loop
// over a page of rows (a Limit in the chain, LIMIT in the SQL) is
// reported, a loop over every row a filter selects is not.
package paged

import (
	"context"
	"database/sql"

	"github.com/jackc/pgx/v5/pgxpool"
	"github.com/uptrace/bun"
	"gorm.io/gorm"
)

var (
	gdb *gorm.DB
	bdb *bun.DB
	sdb *sql.DB
	pdb *pgxpool.Pool
)

type Book struct {
	ID       int64
	AuthorID int64
	Title    string
}

func gormPage(authorID int64) {
	var books []Book
	gdb.Where("author_id = ?", authorID).Order("id").Limit(20).Find(&books)
	for _, b := range books {
		var n int64
		gdb.Model(&Book{}).Where("id = ?", b.ID).Count(&n) // want `^\(\*gorm.DB\).Count runs a query once per element of books`
	}
}

// The twin: every book of one author.
func gormChildren(authorID int64) {
	var books []Book
	gdb.Where("author_id = ?", authorID).Find(&books)
	for _, b := range books {
		var n int64
		gdb.Model(&Book{}).Where("id = ?", b.ID).Count(&n)
	}
}

func bunPage(ctx context.Context, authorID int64) {
	var books []Book
	_ = bdb.NewSelect().Model(&books).Where("author_id = ?", authorID).Limit(20).Scan(ctx)
	for _, b := range books {
		_, _ = bdb.NewSelect().Model((*Book)(nil)).Where("id = ?", b.ID).Exists(ctx) // want `^\(\*bun.SelectQuery\).Exists runs a query once per element of books`
	}
}

// The twin: every book of one author.
func bunChildren(ctx context.Context, authorID int64) {
	var books []Book
	_ = bdb.NewSelect().Model(&books).Where("author_id = ?", authorID).Scan(ctx)
	for _, b := range books {
		_, _ = bdb.NewSelect().Model((*Book)(nil)).Where("id = ?", b.ID).Exists(ctx)
	}
}

func sqlPage(ctx context.Context) {
	rows, _ := sdb.QueryContext(ctx, "SELECT id FROM books ORDER BY id DESC LIMIT 20")
	defer rows.Close()
	for rows.Next() {
		var id int64
		_ = rows.Scan(&id)
		_ = sdb.QueryRowContext(ctx, "SELECT title FROM books WHERE id = $1", id).Scan(new(string)) // want `^\(\*sql.DB\).QueryRowContext runs a query once per row of rows`
	}
}

// The twin: every book of one author.
func sqlChildren(ctx context.Context, authorID int64) {
	rows, _ := sdb.QueryContext(ctx, "SELECT id FROM books WHERE author_id = $1", authorID)
	defer rows.Close()
	for rows.Next() {
		var id int64
		_ = rows.Scan(&id)
		_ = sdb.QueryRowContext(ctx, "SELECT title FROM books WHERE id = $1", id).Scan(new(string))
	}
}

// The ids collected from pgx rows of a page are a page: the loop over
// them is reported.
func pgxPageIDs(ctx context.Context) {
	rows, _ := pdb.Query(ctx, "SELECT id FROM books ORDER BY id DESC LIMIT 20")
	var ids []int64
	for rows.Next() {
		var id int64
		_ = rows.Scan(&id)
		ids = append(ids, id)
	}
	rows.Close()
	for _, id := range ids {
		_ = pdb.QueryRow(ctx, "SELECT title FROM books WHERE id = $1", id).Scan(new(string)) // want `^\(\*pgxpool.Pool\).QueryRow runs a query once per element of ids`
	}
}

// The twin: the ids of every book of one author.
func pgxChildIDs(ctx context.Context, authorID int64) {
	rows, _ := pdb.Query(ctx, "SELECT id FROM books WHERE author_id = $1", authorID)
	var ids []int64
	for rows.Next() {
		var id int64
		_ = rows.Scan(&id)
		ids = append(ids, id)
	}
	rows.Close()
	for _, id := range ids {
		_ = pdb.QueryRow(ctx, "SELECT title FROM books WHERE id = $1", id).Scan(new(string))
	}
}
