package writesoff // want package:`impls\(sqlDB\)`

import (
	"context"

	"github.com/jmoiron/sqlx"
)

type stage struct {
	ID         int64  `db:"stage_id"`
	PipelineID int64  `db:"stage_pipeline_id"`
	Name       string `db:"stage_name"`
}

// createStage inserts through QueryRowContext, for the id RETURNING
// gives back: a write, whatever method runs it.
func createStage(ctx context.Context, db *sqlx.DB, st *stage) error {
	const insert = `INSERT INTO stages (stage_pipeline_id, stage_name) VALUES (:stage_pipeline_id, :stage_name) RETURNING stage_id`
	query, args, err := db.BindNamed(insert, st)
	if err != nil {
		return err
	}
	return db.QueryRowxContext(ctx, query, args...).Scan(&st.ID)
}

// findStage reads through the same accessor: a read.
func findStage(ctx context.Context, db *sqlx.DB, st *stage) error {
	const find = `SELECT stage_id FROM stages WHERE stage_pipeline_id = :stage_pipeline_id AND stage_name = :stage_name`
	query, args, err := db.BindNamed(find, st)
	if err != nil {
		return err
	}
	return db.QueryRowxContext(ctx, query, args...).Scan(&st.ID)
}

func pageOfStages(ctx context.Context, db *sqlx.DB, limit int) []*stage {
	var out []*stage
	_ = db.SelectContext(ctx, &out, `SELECT stage_id, stage_name FROM stages ORDER BY stage_id LIMIT $1`, limit)
	return out
}

// Copying each stage of a page is a bulk write (reported with -writes):
// the INSERT's text reaches QueryRowxContext through BindNamed (gitness'
// stage inserts); looking each one up is a read per element.
func copyStages(ctx context.Context, db *sqlx.DB) {
	for _, st := range pageOfStages(ctx, db, 50) {
		_ = createStage(ctx, db, st)
	}
}

func findStages(ctx context.Context, db *sqlx.DB) {
	for _, st := range pageOfStages(ctx, db, 50) {
		_ = findStage(ctx, db, st) // want `^writesoff.findStage runs a query .* once per element of pageOfStages`
	}
}

// accessor is the program's own interface over sqlx (gitness'
// dbtx.Accessor), which its sqlDB implements by embedding *sqlx.DB.
type accessor interface {
	QueryRowxContext(ctx context.Context, query string, args ...any) *sqlx.Row
	BindNamed(query string, arg any) (string, []any, error)
}

type sqlDB struct{ *sqlx.DB }

var _ accessor = sqlDB{}

func insertStage(ctx context.Context, db accessor, st *stage) error {
	query, args, err := db.BindNamed(`INSERT INTO stages (stage_name) VALUES (:stage_name) RETURNING stage_id`, st)
	if err != nil {
		return err
	}
	return db.QueryRowxContext(ctx, query, args...).Scan(&st.ID)
}

func selectStage(ctx context.Context, db accessor, st *stage) error {
	query, args, err := db.BindNamed(`SELECT stage_id FROM stages WHERE stage_name = :stage_name`, st)
	if err != nil {
		return err
	}
	return db.QueryRowxContext(ctx, query, args...).Scan(&st.ID)
}

// Through the program's interface, the INSERT is a write too.
func insertStages(ctx context.Context, db *sqlx.DB) {
	for _, st := range pageOfStages(ctx, db, 50) {
		_ = insertStage(ctx, sqlDB{db}, st)
	}
}

func selectStages(ctx context.Context, db *sqlx.DB) {
	for _, st := range pageOfStages(ctx, db, 50) {
		_ = selectStage(ctx, sqlDB{db}, st) // want `^writesoff.selectStage may run a query .* once per element of pageOfStages`
	}
}
