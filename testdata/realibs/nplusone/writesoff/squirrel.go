package writesoff

import (
	"context"

	sq "github.com/Masterminds/squirrel"
	"github.com/jmoiron/sqlx"
)

// findForUpdate locks a stage's row: a read.
func findForUpdate(ctx context.Context, db *sqlx.DB, id int64) (*stage, error) {
	query, args, err := sq.Select("stage_id").From("stages").Where("stage_id = ?", id).Suffix("FOR UPDATE").ToSql()
	if err != nil {
		return nil, err
	}
	dst := new(stage)
	return dst, db.GetContext(ctx, dst, query, args...)
}

// softDelete marks a stage deleted and reads the row back: the text is
// an UPDATE that squirrel renders, run with GetContext: a write.
func softDelete(ctx context.Context, db *sqlx.DB, id int64) error {
	query, args, err := sq.Update("stages").Set("stage_deleted", true).Where("stage_id = ?", id).Suffix("RETURNING stage_id").ToSql()
	if err != nil {
		return err
	}
	dst := new(stage)
	return db.GetContext(ctx, dst, query, args...)
}

// Deleting each stage of a page locks, then updates it: a bulk write
// (gitness' space soft delete), whose reads are its own.
func deleteStages(ctx context.Context, db *sqlx.DB) {
	for _, st := range pageOfStages(ctx, db, 50) {
		if _, err := findForUpdate(ctx, db, st.ID); err != nil {
			return
		}
		_ = softDelete(ctx, db, st.ID)
	}
}

// Locking each one alone is a read per element.
func lockStages(ctx context.Context, db *sqlx.DB) {
	for _, st := range pageOfStages(ctx, db, 50) {
		_, _ = findForUpdate(ctx, db, st.ID) // want `^writesoff.findForUpdate runs a query .* once per element of pageOfStages`
	}
}
