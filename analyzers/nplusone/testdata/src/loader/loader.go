package loader // want package:`impls\(reportDB\)`

// A read made by a cache's loader (structr's LoadOne,
// lcw's Get) runs only when the cache misses the key; a cache of a
// library holds what the process loaded, across requests, so the loop
// that looks each element up through it is no N+1 (gotosocial's
// GetReportByID per report of a page). The twins run the same read with
// no cache in front.

import (
	"context"
	"database/sql"

	structr "codeberg.org/gruf/go-structr"
	lcw "github.com/go-pkgz/lcw/v2"

	"loader/cache"
)

type report struct {
	ID, Comment string
}

type reportDB struct {
	db    *sql.DB
	cache cache.StructCache[*report]
	plain structr.Cache[*report]
	byID  *structr.Index
	lru   *lcw.LruCache[string]
}

func (r *reportDB) reportIDs(ctx context.Context, limit int) []string {
	rows, err := r.db.QueryContext(ctx, "SELECT id FROM reports ORDER BY id LIMIT $1", limit)
	if err != nil {
		return nil
	}
	defer rows.Close()
	var ids []string
	for rows.Next() {
		var id string
		_ = rows.Scan(&id)
		ids = append(ids, id)
	}
	return ids
}

func (r *reportDB) query(ctx context.Context, rep *report, id string) error {
	return r.db.QueryRowContext(ctx, "SELECT id, comment FROM reports WHERE id = $1", id).Scan(&rep.ID, &rep.Comment)
}

// getReport loads through the cache: dbQuery runs on a miss only.
func (r *reportDB) getReport(lookup string, dbQuery func(*report) error, key ...any) (*report, error) {
	return r.cache.LoadOne(lookup, func() (*report, error) {
		var rep report
		if err := dbQuery(&rep); err != nil {
			return nil, err
		}
		return &rep, nil
	}, key...)
}

// getReportNow runs dbQuery through a helper that is no cache.
func (r *reportDB) getReportNow(dbQuery func(*report) error) (*report, error) {
	return r.cache.Run(func() (*report, error) {
		var rep report
		if err := dbQuery(&rep); err != nil {
			return nil, err
		}
		return &rep, nil
	})
}

func (r *reportDB) GetReportByID(ctx context.Context, id string) (*report, error) {
	return r.getReport("ID", func(rep *report) error { return r.query(ctx, rep, id) }, id)
}

func (r *reportDB) GetReportByIDNow(ctx context.Context, id string) (*report, error) { // want GetReportByIDNow:`roundtrips\(read: \(\*loader.reportDB\).getReportNow`
	return r.getReportNow(func(rep *report) error { return r.query(ctx, rep, id) })
}

func (r *reportDB) GetReports(ctx context.Context) []*report { // want GetReports:`roundtrips\(read: \(\*loader.reportDB\).reportIDs → \(\*sql.DB\).QueryContext\)`
	var out []*report
	for _, id := range r.reportIDs(ctx, 20) {
		rep, _ := r.GetReportByID(ctx, id)
		out = append(out, rep)
	}
	return out
}

func (r *reportDB) GetReportsNow(ctx context.Context) []*report { // want GetReportsNow:`roundtrips\(read: \(\*loader.reportDB\).reportIDs`
	var out []*report
	for _, id := range r.reportIDs(ctx, 20) {
		rep, _ := r.GetReportByIDNow(ctx, id) // want `GetReportByIDNow runs a query .* once per element of`
		out = append(out, rep)
	}
	return out
}

// Structr's own LoadOne, with the query written in the loader.
func (r *reportDB) direct(ctx context.Context) {
	for _, id := range r.reportIDs(ctx, 20) {
		_, _ = r.plain.LoadOne(r.byID, structr.MakeKey(id), func() (*report, error) {
			var rep report
			return &rep, r.query(ctx, &rep, id)
		})
	}
}

func (r *reportDB) directNow(ctx context.Context) {
	for _, id := range r.reportIDs(ctx, 20) {
		_, _ = r.cache.Run(func() (*report, error) {
			var rep report
			return &rep, r.query(ctx, &rep, id) // want `runs a query .* once per element of`
		})
	}
}

// lcw's Get calls its loader on a miss.
func (r *reportDB) comments(ctx context.Context) {
	for _, id := range r.reportIDs(ctx, 20) {
		_, _ = r.lru.Get(id, func() (string, error) {
			var c string
			return c, r.db.QueryRowContext(ctx, "SELECT comment FROM reports WHERE id = $1", id).Scan(&c)
		})
	}
}

func (r *reportDB) commentsNow(ctx context.Context) {
	for _, id := range r.reportIDs(ctx, 20) {
		var c string
		_ = r.db.QueryRowContext(ctx, "SELECT comment FROM reports WHERE id = $1", id).Scan(&c) // want `runs a query once per element of`
	}
}

// LoadIDs loads the IDs the cache misses in one call: per page, not per
// element; its twin loads each page's IDs with no cache, still one query.
func (r *reportDB) pages(ctx context.Context, pages [][]string) {
	for _, ids := range pages {
		_, _ = r.cache.LoadIDs("ID", ids, func(missing []string) ([]*report, error) {
			return nil, r.db.QueryRowContext(ctx, "SELECT count(*) FROM reports WHERE id = ANY($1)", missing).Err()
		})
	}
}
