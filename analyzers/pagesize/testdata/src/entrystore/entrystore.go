// Package entrystore is a query builder of the program: its With methods
// set fields that a later method formats into the SQL text.
package entrystore

import (
	"database/sql"
	"strconv"
)

type Storage struct{ db *sql.DB }

// EntryQueryBuilder builds a query over entries.
type EntryQueryBuilder struct {
	store  *Storage
	feedID int64
	limit  int
	offset int
}

func (s *Storage) NewEntryQueryBuilder() *EntryQueryBuilder {
	return &EntryQueryBuilder{store: s}
}

// WithLimit sets the limit; a positive check is not a bound.
func (e *EntryQueryBuilder) WithLimit(limit int) *EntryQueryBuilder { // want WithLimit:`pagesize\(param0.limit = param1 if param1 > 0; returns \*param0\)`
	if limit > 0 {
		e.limit = limit
	}
	return e
}

// WithLimitCapped caps a positive limit only (miniflux before fbbff63):
// 0 leaves the field zero, and buildSorting then writes no LIMIT.
func (e *EntryQueryBuilder) WithLimitCapped(limit int) *EntryQueryBuilder { // want WithLimitCapped:`pagesize\(param0.limit = bounded if param1 > 0; returns \*param0\)`
	if limit > 0 {
		e.limit = min(limit, 1000)
	}
	return e
}

// WithLimitAndMaximum bounds the limit by its second parameter.
func (e *EntryQueryBuilder) WithLimitAndMaximum(limit, maximum int) *EntryQueryBuilder { // want WithLimitAndMaximum:`pagesize\(param0.limit = param2; returns \*param0\)`
	if limit <= 0 || limit > maximum {
		limit = maximum
	}
	e.limit = limit
	return e
}

// WithLimitClamped bounds it by a constant, through the other method.
func (e *EntryQueryBuilder) WithLimitClamped(limit int) *EntryQueryBuilder { // want WithLimitClamped:`pagesize\(param0.limit = bounded; returns \*param0\)`
	return e.WithLimitAndMaximum(limit, 100)
}

func (e *EntryQueryBuilder) WithOffset(offset int) *EntryQueryBuilder { // want WithOffset:`pagesize\(param0.offset = param1; returns \*param0\)`
	e.offset = offset
	return e
}

func (e *EntryQueryBuilder) WithFeedID(id int64) *EntryQueryBuilder { // want WithFeedID:`returns \*param0`
	e.feedID = id
	return e
}

func (e *EntryQueryBuilder) buildSorting() string {
	parts := " ORDER BY id"
	if e.limit > 0 {
		parts += " LIMIT " + strconv.Itoa(e.limit)
	}
	if e.offset > 0 {
		parts += " OFFSET " + strconv.Itoa(e.offset)
	}
	return parts
}

// GetEntries runs the query.
func (e *EntryQueryBuilder) GetEntries() error { // want GetEntries:`pagesize\(param0.limit → LIMIT unless <= 0\)`
	_, err := e.store.db.Query("SELECT id FROM entries WHERE feed_id = $1"+e.buildSorting(), e.feedID)
	return err
}

// EntriesPage passes its limit to WithLimitCapped: 0 or less turns the
// LIMIT off.
func (s *Storage) EntriesPage(limit int) error { // want EntriesPage:`pagesize\(param1 <= 0 → no LIMIT\)`
	return s.NewEntryQueryBuilder().WithLimitCapped(limit).GetEntries()
}

// EntriesPageDefault replaces a non-positive limit first: no fact.
func (s *Storage) EntriesPageDefault(limit int) error {
	if limit <= 0 {
		limit = 100
	}
	return s.NewEntryQueryBuilder().WithLimitCapped(limit).GetEntries()
}

// sortingElse writes a LIMIT either way: a zero field is not an off
// switch.
func (e *EntryQueryBuilder) sortingElse() string {
	if e.limit > 0 {
		return " LIMIT " + strconv.Itoa(e.limit)
	} else {
		return " LIMIT 100"
	}
}

// GetEntriesDefault runs the query with sortingElse.
func (e *EntryQueryBuilder) GetEntriesDefault() error { // want GetEntriesDefault:`pagesize\(param0.limit → LIMIT\)`
	_, err := e.store.db.Query("SELECT id FROM entries"+e.sortingElse(), e.feedID)
	return err
}
