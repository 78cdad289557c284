package nplusone

import (
	"context"
)

// The default reports loops over a list: the rows of a multi-row read
// (GORM's Find into a slice, sqlx's Select, bun's Scan into a slice,
// database/sql's rows), not over the few children of one entity.

func gormRowsThenBooks() {
	var authors []Author
	gdb.Find(&authors)
	for _, a := range authors {
		var n int64
		gdb.Model(&Book{}).Where("author_id = ?", a.ID).Count(&n) // want `^\(\*gorm.DB\).Count runs a query once per element of authors`
	}
}

// The twin: the books of one author, loaded with First.
func gormOneAuthorsBooks(id int64) {
	var a Author
	gdb.Preload("Books").First(&a, id)
	for _, b := range a.Books {
		gdb.Model(&b).Update("title", b.Title)
	}
}

func sqlxRowsThenNames(ctx context.Context) {
	var ids []int64
	_ = xdb.SelectContext(ctx, &ids, "SELECT id FROM users WHERE active")
	for _, id := range ids {
		var u user
		_ = xdb.GetContext(ctx, &u, "SELECT id, name FROM users WHERE id = $1", id) // want `^\(\*sqlx.DB\).GetContext runs a query once per element of ids`
	}
}

// The twin: the tags of one user, a field of the row Get read.
type taggedUser struct {
	ID   int64
	Tags []string
}

func sqlxOneUsersTags(ctx context.Context, id int64) {
	var u taggedUser
	_ = xdb.GetContext(ctx, &u, "SELECT id, tags FROM users WHERE id = $1", id)
	for _, t := range u.Tags {
		_, _ = xdb.ExecContext(ctx, "INSERT INTO tags (name) VALUES ($1) ON CONFLICT DO NOTHING", t)
	}
}

func bunRowsThenUpdates(ctx context.Context) {
	var stories []Story
	_ = bdb.NewSelect().Model(&stories).Scan(ctx)
	for _, s := range stories {
		_, _ = bdb.NewUpdate().Model(&s).WherePK().Exec(ctx) // want `^\(\*bun.UpdateQuery\).Exec runs a write once per element of stories`
	}
}

// The twin: a list built in memory, two stories.
func bunFixedUpdates(ctx context.Context) {
	stories := make([]Story, 0, 2)
	stories = append(stories, Story{}, Story{})
	for _, s := range stories {
		_, _ = bdb.NewUpdate().Model(&s).WherePK().Exec(ctx)
	}
}

func sqlRowsThenWrites(ctx context.Context) error {
	rows, err := db.QueryContext(ctx, "SELECT id FROM users")
	if err != nil {
		return err
	}
	var ids []int64
	for rows.Next() {
		var id int64
		if err := rows.Scan(&id); err != nil {
			return err
		}
		ids = append(ids, id)
	}
	_ = rows.Close()
	for _, id := range ids {
		_, _ = db.ExecContext(ctx, "UPDATE users SET seen = now() WHERE id = $1", id) // want `^\(\*sql.DB\).ExecContext runs a write once per element of ids`
	}
	return nil
}
