package nethttp // want package:`impls\(itemsHandler pageHandler\)`

// The package registers net/http routes whose handlers run queries, cache
// reads and outbound calls: positives and their negative twins.

import (
	"context"
	"database/sql"
	"fmt"
	"net/http"
	"path"
	"sync"

	"github.com/redis/go-redis/v9"
	"golang.org/x/sync/errgroup"
)

var (
	db  *sql.DB
	rdb *redis.Client
)

func Routes() *http.ServeMux {
	mux := http.NewServeMux()
	mux.HandleFunc("GET /orders", perRow)        // want `route "GET /orders" is estimated at ~1.01s from its code, above its p95 objective of 500ms \(slo.latency.p95\) \(database ~1.01s of budget.database 150ms\), so its requests miss the objective; batch, cache or run concurrently its costliest operations`
	mux.HandleFunc("GET /orders/joined", joined) // one complex query: ~100ms

	mux.HandleFunc("GET /refresh", constantLoop) // want `route "GET /refresh" spends an estimated ~200ms in the database, above budget.database 150ms`
	mux.HandleFunc("GET /refresh/few", fewQueries)

	mux.HandleFunc("GET /fanout", sequentialCalls) // want `route "GET /fanout" spends an estimated ~300ms in outbound calls, above budget.external 100ms`
	mux.HandleFunc("GET /fanout/errgroup", concurrentCalls)
	mux.HandleFunc("GET /fanout/goroutines", goroutineCalls)
	mux.HandleFunc("GET /fanout/loop", loopOfGoroutines)

	mux.HandleFunc("GET /profile", cachedOnly) // only a cache read: ~1ms
	mux.HandleFunc("GET /report", cacheAside)  // want `route "GET /report" spends an estimated ~201.1ms in the database`
	mux.HandleFunc("GET /report/cached", cacheAsideCheap)

	mux.Handle("GET /items", itemsHandler{})     // want `route "GET /items" is estimated at ~1.01s`
	mux.Handle("GET /items/page", pageHandler{}) // a query with a LIMIT of 10: ~110ms

	mux.HandleFunc("GET /tags", nestedLoops)              // want `route "GET /tags" is estimated at ~1.01s`
	mux.HandleFunc("GET /tx", inTransaction)              // want `route "GET /tx" spends an estimated ~230ms in the database`
	mux.HandleFunc("GET /tx/read", inReadOnlyTransaction) // a read-only transaction costs a query: ~40ms
	mux.HandleFunc("GET /health", func(w http.ResponseWriter, r *http.Request) {})

	// Paths that are not constants print as far as the code shows them,
	// "…" for the rest; none names an endpoints: entry.
	mux.HandleFunc("GET "+base+"/orders", perRow)                       // want `route "GET …/orders" is estimated at ~1.01s`
	mux.HandleFunc(path.Join(base, "orders", "joined"), joined)         // one complex query: ~100ms, printed "…/orders/joined"
	mux.HandleFunc(fmt.Sprintf("GET %s/refresh/few", base), fewQueries) // printed "GET …/refresh/few"
	mux.HandleFunc(base, fewQueries)                                    // nothing of it shows: printed ""
	return mux
}

// base is where the service is mounted, set at start-up.
var base = "/api"

func perRow(w http.ResponseWriter, r *http.Request) {
	rows, err := db.QueryContext(r.Context(), "SELECT id FROM orders LIMIT 100")
	if err != nil {
		return
	}
	defer rows.Close()
	for rows.Next() {
		var id int
		_ = rows.Scan(&id)
		_ = db.QueryRowContext(r.Context(), "SELECT name FROM items WHERE order_id = $1", id).Scan(new(string))
	}
}

func joined(w http.ResponseWriter, r *http.Request) {
	rows, err := db.QueryContext(r.Context(), "SELECT o.id, i.name FROM orders o JOIN items i ON i.order_id = o.id LIMIT 100")
	if err != nil {
		return
	}
	defer rows.Close()
	for rows.Next() {
		_ = rows.Scan(new(int), new(string))
	}
}

func constantLoop(w http.ResponseWriter, r *http.Request) {
	for i := 0; i < 20; i++ {
		_, _ = db.ExecContext(r.Context(), "UPDATE counters SET n = n + 1 WHERE shard = $1", i)
	}
}

func fewQueries(w http.ResponseWriter, r *http.Request) {
	for i := 0; i < 3; i++ {
		_, _ = db.ExecContext(r.Context(), "UPDATE counters SET n = n + 1 WHERE shard = $1", i)
	}
}

func fetch(ctx context.Context, url string) error {
	req, err := http.NewRequestWithContext(ctx, http.MethodGet, url, nil)
	if err != nil {
		return err
	}
	resp, err := http.DefaultClient.Do(req)
	if err != nil {
		return err
	}
	return resp.Body.Close()
}

func sequentialCalls(w http.ResponseWriter, r *http.Request) {
	_ = fetch(r.Context(), "http://a")
	_ = fetch(r.Context(), "http://b")
	_ = fetch(r.Context(), "http://c")
}

func concurrentCalls(w http.ResponseWriter, r *http.Request) {
	g, ctx := errgroup.WithContext(r.Context())
	g.Go(func() error { return fetch(ctx, "http://a") })
	g.Go(func() error { return fetch(ctx, "http://b") })
	g.Go(func() error { return fetch(ctx, "http://c") })
	_ = g.Wait()
}

func goroutineCalls(w http.ResponseWriter, r *http.Request) {
	var wg sync.WaitGroup
	wg.Add(2)
	go func() { defer wg.Done(); _ = fetch(r.Context(), "http://a") }()
	go func() { defer wg.Done(); _ = fetch(r.Context(), "http://b") }()
	wg.Wait()
}

func loopOfGoroutines(w http.ResponseWriter, r *http.Request) {
	var wg sync.WaitGroup
	for _, u := range []string{"http://a", "http://b", "http://c"} {
		wg.Add(1)
		go func() { defer wg.Done(); _ = fetch(r.Context(), u) }()
	}
	wg.Wait()
}

func cachedOnly(w http.ResponseWriter, r *http.Request) {
	v, err := rdb.Get(r.Context(), "profile:1").Result()
	if err != nil {
		http.Error(w, "unavailable", http.StatusServiceUnavailable)
		return
	}
	_, _ = w.Write([]byte(v))
}

func cacheAside(w http.ResponseWriter, r *http.Request) {
	v, err := rdb.Get(r.Context(), "report").Result()
	if err == nil {
		_, _ = w.Write([]byte(v))
		return
	}
	// The miss path: twenty complex queries, on a tenth of the requests.
	for i := 0; i < 20; i++ {
		_ = db.QueryRowContext(r.Context(), "SELECT count(*) FROM orders WHERE shard = $1", i).Scan(new(int))
	}
	rdb.Set(r.Context(), "report", v, 0)
}

func cacheAsideCheap(w http.ResponseWriter, r *http.Request) {
	v, err := rdb.Get(r.Context(), "report").Result()
	if err == redis.Nil {
		_ = db.QueryRowContext(r.Context(), "SELECT count(*) FROM orders").Scan(new(int))
		rdb.Set(r.Context(), "report", v, 0)
	}
	_, _ = w.Write([]byte(v))
}

type itemsHandler struct{}

func (itemsHandler) ServeHTTP(w http.ResponseWriter, r *http.Request) { // want ServeHTTP:`cost\(items select × 100 \(max_page_size\)=1s, items select=10ms\)`
	ids, _ := listIDs(r.Context(), "")
	for _, id := range ids {
		_ = db.QueryRowContext(r.Context(), "SELECT name FROM items WHERE id = $1", id).Scan(new(string))
	}
}

type pageHandler struct{}

func (pageHandler) ServeHTTP(w http.ResponseWriter, r *http.Request) { // want ServeHTTP:`cost\(items select × 10 \(LIMIT\)=100ms, items select=10ms\)`
	ids, _ := firstTen(r.Context())
	for _, id := range ids {
		_ = db.QueryRowContext(r.Context(), "SELECT name FROM items WHERE id = $1", id).Scan(new(string))
	}
}

// listIDs returns the rows of a query with no LIMIT: up to max_page_size.
func listIDs(ctx context.Context, after string) ([]int, error) {
	var ids []int
	rows, err := db.QueryContext(ctx, "SELECT id FROM items WHERE name > $1", after)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	for rows.Next() {
		var id int
		_ = rows.Scan(&id)
		ids = append(ids, id)
	}
	return ids, nil
}

func firstTen(ctx context.Context) ([]int, error) {
	var ids []int
	rows, err := db.QueryContext(ctx, "SELECT id FROM items ORDER BY id LIMIT 10")
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	for rows.Next() {
		var id int
		_ = rows.Scan(&id)
		ids = append(ids, id)
	}
	return ids, nil
}

func inTransaction(w http.ResponseWriter, r *http.Request) {
	tx, err := db.BeginTx(r.Context(), nil)
	if err != nil {
		return
	}
	defer tx.Rollback()
	_, _ = tx.ExecContext(r.Context(), "UPDATE stock SET n = n - 1 WHERE id = $1", 1)
	_, _ = tx.ExecContext(r.Context(), "INSERT INTO orders (item) VALUES ($1)", 1)
	_, _ = tx.ExecContext(r.Context(), "INSERT INTO audit (item) VALUES ($1)", 1)
	_ = tx.Commit()
}

// nestedLoops runs a query per tag of each order of a page: loops over
// data do not compound, the page's 100 rows count once (~1.01s, not 100s).
func nestedLoops(w http.ResponseWriter, r *http.Request) {
	ids, _ := firstHundred(r.Context())
	for _, id := range ids {
		for _, tag := range tagsOf(id) {
			_ = db.QueryRowContext(r.Context(), "SELECT count FROM tag_counts WHERE tag = $1", tag).Scan(new(int))
		}
	}
}

func firstHundred(ctx context.Context) ([]int, error) {
	var ids []int
	rows, err := db.QueryContext(ctx, "SELECT id FROM orders ORDER BY id LIMIT 100")
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	for rows.Next() {
		var id int
		_ = rows.Scan(&id)
		ids = append(ids, id)
	}
	return ids, nil
}

func tagsOf(id int) []string { return []string{"a", "b"}[:id%2] }

func inReadOnlyTransaction(w http.ResponseWriter, r *http.Request) {
	tx, err := db.BeginTx(r.Context(), &sql.TxOptions{ReadOnly: true})
	if err != nil {
		return
	}
	defer tx.Rollback()
	_ = tx.QueryRowContext(r.Context(), "SELECT n FROM stock WHERE id = $1", 1).Scan(new(int))
	_ = tx.QueryRowContext(r.Context(), "SELECT n FROM orders WHERE id = $1", 1).Scan(new(int))
	_ = tx.QueryRowContext(r.Context(), "SELECT n FROM audit WHERE id = $1", 1).Scan(new(int))
}
