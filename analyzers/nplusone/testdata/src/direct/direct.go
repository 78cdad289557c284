// Package direct calls database/sql in loops of every shape, each wrong
// loop next to its right twin.
package direct

import (
	"context"
	"database/sql"
	"errors"
)

var db *sql.DB

type user struct {
	ID   int64
	Name string
}

// ---- range over a slice ----

func namesOneByOne(ctx context.Context, ids []int64) []string {
	var names []string
	for _, id := range ids {
		var name string
		_ = db.QueryRowContext(ctx, "SELECT name FROM users WHERE id = $1", id).Scan(&name) // want `^\(\*sql.DB\).QueryRowContext runs a query once per element of ids; load them in one query before the loop \(WHERE id = ANY\(\$1\), or IN \(...\)\)$`
		names = append(names, name)
	}
	return names
}

func namesAtOnce(ctx context.Context, ids []int64) []string {
	rows, err := db.QueryContext(ctx, "SELECT name FROM users WHERE id = ANY($1)", ids)
	if err != nil {
		return nil
	}
	defer rows.Close()
	var names []string
	for rows.Next() {
		var name string
		if rows.Scan(&name) == nil {
			names = append(names, name)
		}
	}
	return names
}

// ---- a query per row of an open result set ----

func ordersWithItems(ctx context.Context) error {
	rows, err := db.QueryContext(ctx, "SELECT id FROM orders")
	if err != nil {
		return err
	}
	defer rows.Close()
	for rows.Next() {
		var id int64
		if err := rows.Scan(&id); err != nil {
			return err
		}
		items, err := db.QueryContext(ctx, "SELECT sku FROM items WHERE order_id = $1", id) // want `^\(\*sql.DB\).QueryContext runs a query once per row of rows, while the result set keeps its connection busy, so each one takes a second connection from the pool; load them in one query`
		if err != nil {
			return err
		}
		items.Close()
	}
	return rows.Err()
}

func ordersWithItemsJoined(ctx context.Context) error {
	rows, err := db.QueryContext(ctx, "SELECT o.id, i.sku FROM orders o JOIN items i ON i.order_id = o.id")
	if err != nil {
		return err
	}
	defer rows.Close()
	for rows.Next() {
		var id int64
		var sku string
		if err := rows.Scan(&id, &sku); err != nil {
			return err
		}
	}
	return rows.Err()
}

// ---- maps, channels, strings, counted loops, work lists ----

func byMap(ctx context.Context, m map[int64]string) {
	for id := range m {
		_, _ = db.ExecContext(ctx, "UPDATE users SET seen = true WHERE id = $1", id) // want `^\(\*sql.DB\).ExecContext runs a write once per entry of m; write them in one statement: a multi-row INSERT, or UPDATE ... WHERE id = ANY\(\$1\) or IN \(...\)$`
	}
}

func byMapOnce(ctx context.Context, m map[int64]string) {
	ids := make([]int64, 0, len(m))
	for id := range m {
		ids = append(ids, id)
	}
	_, _ = db.ExecContext(ctx, "UPDATE users SET seen = true WHERE id = ANY($1)", ids)
}

// A channel filled from a result set carries its rows: one query per row.
func byChannel(ctx context.Context) {
	ch := make(chan int64)
	go func() {
		defer close(ch)
		rows, err := db.QueryContext(ctx, "SELECT id FROM users")
		if err != nil {
			return
		}
		defer rows.Close()
		for rows.Next() {
			var id int64
			if rows.Scan(&id) == nil {
				ch <- id
			}
		}
	}()
	for id := range ch {
		_ = db.QueryRowContext(ctx, "SELECT 1 FROM users WHERE id = $1", id) // want `once per value received from ch`
	}
}

// A channel others fill is a queue of jobs: each job's query is its own.
func byJobQueue(ctx context.Context, ch <-chan int64) {
	for id := range ch {
		_ = db.QueryRowContext(ctx, "SELECT 1 FROM users WHERE id = $1", id)
	}
}

func byIndex(ctx context.Context, users []user) {
	for i := 0; i < len(users); i++ {
		_ = db.QueryRowContext(ctx, "SELECT 1 FROM users WHERE id = $1", users[i].ID) // want `once per element of users;`
	}
}

func byIndexedBound(ctx context.Context, users []user, n int) {
	for i := 0; i < n; i++ {
		_ = db.QueryRowContext(ctx, "SELECT 1 FROM users WHERE id = $1", users[i].ID) // want `once per element of users;`
	}
}

func byRangeInt(ctx context.Context, users []user) {
	for i := range len(users) {
		_ = db.QueryRowContext(ctx, "SELECT 1 FROM users WHERE id = $1", users[i].ID) // want `once per element of users;`
	}
}

func workList(ctx context.Context, queue []int64) {
	for len(queue) > 0 {
		id := queue[0]
		queue = queue[1:]
		_ = db.QueryRowContext(ctx, "SELECT parent FROM nodes WHERE id = $1", id) // want `once per element of queue;`
	}
}

// drainChunks consumes the ids a batch at a time (sftpgo's quota check):
// one IN query per chunk, not per element.
func drainChunks(ctx context.Context, ids []int64, size int) {
	for len(ids) > 0 {
		n := min(size, len(ids))
		_, _ = db.QueryContext(ctx, "SELECT id FROM users WHERE id = ANY($1)", ids[:n])
		ids = ids[n:]
	}
}

type node struct {
	ID   int64
	next *node
}

func linkedList(ctx context.Context, head *node) {
	for n := head; n != nil; n = n.next {
		_, _ = db.ExecContext(ctx, "DELETE FROM nodes WHERE id = $1", n.ID) // want `once per node of the list n walks`
	}
}

func byRune(ctx context.Context, code string) {
	for _, r := range code {
		_ = db.QueryRowContext(ctx, "SELECT name FROM glyphs WHERE r = $1", r) // want `^\(\*sql.DB\).QueryRowContext runs a query once per rune of code; load them in one query before the loop`
	}
}

func byRuneAtOnce(ctx context.Context, code string) {
	rows, err := db.QueryContext(ctx, "SELECT r, name FROM glyphs WHERE r = ANY($1)", []rune(code))
	if err == nil {
		rows.Close()
	}
	for _, r := range "ab" {
		_ = db.QueryRowContext(ctx, "SELECT name FROM glyphs WHERE r = $1", r)
	}
}

// ---- loops that do not grow with the data ----

func constantTrips(ctx context.Context) {
	for i := 0; i < 3; i++ {
		_, _ = db.ExecContext(ctx, "INSERT INTO ticks (n) VALUES ($1)", i)
	}
	for _, table := range []string{"users", "orders"} {
		_, _ = db.ExecContext(ctx, "ANALYZE "+table)
	}
	for range 2 {
		_ = db.PingContext(ctx)
	}
	for _, shard := range [4]int{} {
		_ = db.QueryRowContext(ctx, "SELECT count(*) FROM shards WHERE n = $1", shard)
	}
	for _, t := range maintenanceTables {
		_, _ = db.ExecContext(ctx, "VACUUM "+t)
	}
	local := []string{"a", "b"}
	for _, k := range local {
		_ = db.QueryRowContext(ctx, "SELECT v FROM settings WHERE k = $1", k)
	}
}

var maintenanceTables = []string{"users", "orders", "items"}

// growing is assigned after its literal: its length is not constant, but
// a package variable is a registry, as long as its author made it, not a
// list of rows (reported with -anycollection: see anycoll).
var growing = []string{"a"}

func addGrowing(s string) { growing = append(growing, s) }

func notConstant(ctx context.Context) {
	for _, k := range growing {
		_ = db.QueryRowContext(ctx, "SELECT v FROM settings WHERE k = $1", k)
	}
}

func retry(ctx context.Context, id int64) (string, error) {
	var name string
	var err error
	for attempt := 0; attempt < 3; attempt++ {
		err = db.QueryRowContext(ctx, "SELECT name FROM users WHERE id = $1", id).Scan(&name)
		if err == nil {
			return name, nil
		}
	}
	return "", err
}

func retryForever(ctx context.Context, id int64, retries int) error {
	for i := 0; i < retries; i++ {
		if _, err := db.ExecContext(ctx, "UPDATE users SET n = n + 1 WHERE id = $1", id); err == nil {
			return nil
		}
	}
	for {
		if _, err := db.ExecContext(ctx, "UPDATE users SET n = n + 1 WHERE id = $1", id); err == nil {
			return nil
		}
	}
}

func keyset(ctx context.Context) ([]int64, error) {
	var all []int64
	last := int64(0)
	for {
		rows, err := db.QueryContext(ctx, "SELECT id FROM users WHERE id > $1 ORDER BY id LIMIT 100", last)
		if err != nil {
			return nil, err
		}
		n := 0
		for rows.Next() {
			var id int64
			if err := rows.Scan(&id); err != nil {
				rows.Close()
				return nil, err
			}
			all = append(all, id)
			last = id
			n++
		}
		rows.Close()
		if n < 100 {
			return all, nil
		}
	}
}

func pages(ctx context.Context, total int) {
	for page := 0; page < total; page++ {
		rows, err := db.QueryContext(ctx, "SELECT id FROM users ORDER BY id LIMIT 100 OFFSET $1", page*100)
		if err == nil {
			rows.Close()
		}
	}
	cursor := "start"
	for cursor != "" {
		_ = db.QueryRowContext(ctx, "SELECT next FROM cursors WHERE at = $1", cursor).Scan(&cursor)
	}
}

func chunks(ctx context.Context, ids []int64) {
	for start := 0; start < len(ids); start += 500 {
		end := min(start+500, len(ids))
		_, _ = db.ExecContext(ctx, "DELETE FROM users WHERE id = ANY($1)", ids[start:end])
	}
	var batches [][]int64
	for _, batch := range batches {
		_, _ = db.ExecContext(ctx, "DELETE FROM users WHERE id = ANY($1)", batch)
	}
}

// ---- a query followed by an unconditional return or break ----

func firstMatch(ctx context.Context, users []user, name string) (int64, error) {
	for _, u := range users {
		if u.Name != name {
			continue
		}
		var id int64
		err := db.QueryRowContext(ctx, "SELECT id FROM accounts WHERE user_id = $1", u.ID).Scan(&id)
		return id, err
	}
	for _, u := range users {
		if u.Name == name {
			_, _ = db.ExecContext(ctx, "UPDATE users SET found = true WHERE id = $1", u.ID)
			break
		}
	}
	for _, u := range users {
		_ = db.QueryRowContext(ctx, "SELECT 1 FROM users WHERE id = $1", u.ID)
		panic("unreachable twice")
	}
	return 0, errors.New("not found")
}

func conditionalReturn(ctx context.Context, users []user) error {
	for _, u := range users {
		if _, err := db.ExecContext(ctx, "UPDATE users SET seen = true WHERE id = $1", u.ID); err != nil { // want `once per element of users`
			return err
		}
	}
	for _, u := range users {
		switch u.Name {
		case "":
			_ = db.QueryRowContext(ctx, "SELECT 1 FROM users WHERE id = $1", u.ID) // want `once per element of users`
			break
		}
	}
	return nil
}

// ---- the same query every time ----

func invariant(ctx context.Context, users []user) {
	for range users {
		var n int
		_ = db.QueryRowContext(ctx, "SELECT count(*) FROM users").Scan(&n) // want `^\(\*sql.DB\).QueryRowContext runs a query once per element of users with the same arguments each time; run it once before the loop$`
	}
}

func hoisted(ctx context.Context, users []user) {
	var n int
	_ = db.QueryRowContext(ctx, "SELECT count(*) FROM users").Scan(&n)
	for range users {
		_ = n
	}
}

// ---- statements, transactions, a query built in the loop ----

func prepared(ctx context.Context, users []user) error {
	stmt, err := db.PrepareContext(ctx, "UPDATE users SET seen = true WHERE id = $1")
	if err != nil {
		return err
	}
	defer stmt.Close()
	for _, u := range users {
		_, _ = stmt.ExecContext(ctx, u.ID) // want `^\(\*sql.Stmt\).ExecContext runs a write once per element of users`
	}
	return nil
}

func txPerUser(ctx context.Context, users []user) {
	for _, u := range users {
		tx, err := db.BeginTx(ctx, nil) // want `^\(\*sql.DB\).BeginTx runs a transaction once per element of users; run the loop inside one transaction`
		if err != nil {
			return
		}
		_, _ = tx.ExecContext(ctx, "UPDATE users SET seen = true WHERE id = $1", u.ID) // want `^\(\*sql.Tx\).ExecContext runs a write once per element of users`
		_ = tx.Commit()                                                                // want `^\(\*sql.Tx\).Commit runs a transaction once per element of users`
	}
}

func builtInLoop(ctx context.Context, users []user) error {
	q := "INSERT INTO seen (user_id) VALUES "
	var args []any
	for i, u := range users {
		if i > 0 {
			q += ", "
		}
		q += "(?)"
		args = append(args, u.ID)
	}
	_, err := db.ExecContext(ctx, q, args...)
	return err
}

// A SELECT sent with Exec still reads; an INSERT sent with Query writes.
func verbs(ctx context.Context, users []user) {
	for _, u := range users {
		_, _ = db.ExecContext(ctx, "SELECT pg_notify('seen', $1)", u.Name)                        // want `runs a query once per element`
		rows, err := db.QueryContext(ctx, "INSERT INTO seen (id) VALUES ($1) RETURNING id", u.ID) // want `runs a write once per element`
		if err == nil {
			rows.Close()
		}
	}
}

// A list of statements, each run once, is not one query per element.
// (A function named for migrations is a migration and is not reported at
// all: see the offpath fixture. This one applies any list of scripts.)
type script struct{ Name, SQL string }

func applyScripts(ctx context.Context, scripts []script, tables []string) {
	for _, m := range scripts {
		_, _ = db.ExecContext(ctx, m.SQL)
		_, _ = db.ExecContext(ctx, "INSERT INTO applied_scripts (name) VALUES ($1)", m.Name) // want `runs a write once per element of scripts`
	}
	for _, t := range tables {
		_, _ = db.ExecContext(ctx, "TRUNCATE "+t)
	}
}

// A type switch declares its variable in each case: it changes with the
// iteration.
type change interface{ isChange() }

type addTable struct{ name string }

func (addTable) isChange() {}

func plan(ctx context.Context, changes []change) {
	for _, ch := range changes {
		switch ch := ch.(type) {
		case addTable:
			_ = db.QueryRowContext(ctx, "SELECT 1 FROM sqlite_master WHERE name = $1", ch.name) // want `once per element of changes; load them`
		}
	}
}

// The program's own interface over *sql.DB: a list of statements run
// through it is still a list of statements.
type execer interface {
	ExecContext(ctx context.Context, query string, args ...any) (sql.Result, error)
}

func throughExecer(ctx context.Context, ex execer, users []user, stmts []string) {
	for _, u := range users {
		_, _ = ex.ExecContext(ctx, "UPDATE users SET seen = true WHERE id = $1", u.ID) // want `^\(direct.execer\).ExecContext may run a write \(\(\*sql.DB\).ExecContext\) once per element of users; write them in one statement`
	}
	for _, q := range stmts {
		_, _ = ex.ExecContext(ctx, q)
	}
}

// ---- a list grouped by a key, one query per group ----

type payment struct {
	Owner, Order string
}

// ordersByOwner groups the payments by owner, then reads each owner's
// orders in one query: one query per group, with the group's names in it.
func ordersByOwner(ctx context.Context, payments []payment) {
	byOwner := make(map[string][]string)
	for _, p := range payments {
		byOwner[p.Owner] = append(byOwner[p.Owner], p.Order)
	}
	for owner, names := range byOwner {
		_, _ = db.QueryContext(ctx, "SELECT * FROM orders WHERE owner = $1 AND name = ANY($2)", owner, names)
	}
}

// ownerNames is the twin: the same map, but the query per owner is not
// handed the group; it reads the owner, once per owner.
func ownerNames(ctx context.Context, payments []payment) {
	byOwner := make(map[string][]string)
	for _, p := range payments {
		byOwner[p.Owner] = append(byOwner[p.Owner], p.Order)
	}
	for owner := range byOwner {
		_, _ = db.QueryContext(ctx, "SELECT * FROM owners WHERE name = $1", owner) // want `once per entry of byOwner`
	}
}

// firstOrders is a twin too: handed one element of each group, the
// query per owner looks up one row, once per group.
func firstOrders(ctx context.Context, payments []payment) {
	byOwner := make(map[string][]string)
	for _, p := range payments {
		byOwner[p.Owner] = append(byOwner[p.Owner], p.Order)
	}
	for _, names := range byOwner {
		_, _ = db.QueryContext(ctx, "SELECT * FROM orders WHERE name = $1", names[0]) // want `once per entry of byOwner`
	}
}

// ordersOfOwners walks the owners in the order it met them and hands each
// query the owner's group: one query per group, as over the map itself.
func ordersOfOwners(ctx context.Context, payments []payment) {
	var owners []string
	byOwner := make(map[string][]string)
	for _, p := range payments {
		if _, ok := byOwner[p.Owner]; !ok {
			owners = append(owners, p.Owner)
		}
		byOwner[p.Owner] = append(byOwner[p.Owner], p.Order)
	}
	for _, owner := range owners {
		_, _ = db.QueryContext(ctx, "SELECT * FROM orders WHERE owner = $1 AND name = ANY($2)", owner, byOwner[owner])
	}
}

// ordersOfOwnersEach is the twin: the group is walked, one query per
// order.
func ordersOfOwnersEach(ctx context.Context, payments []payment) {
	var owners []string
	byOwner := make(map[string][]string)
	for _, p := range payments {
		if _, ok := byOwner[p.Owner]; !ok {
			owners = append(owners, p.Owner)
		}
		byOwner[p.Owner] = append(byOwner[p.Owner], p.Order)
	}
	for _, owner := range owners {
		_, _ = db.QueryContext(ctx, "SELECT * FROM owners WHERE name = $1", owner) // want `once per element of owners`
		for _, name := range byOwner[owner] {
			_, _ = db.QueryContext(ctx, "SELECT * FROM orders WHERE name = $1", name) // want `once per element of owners`
		}
	}
}
