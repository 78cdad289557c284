package cacheaside

import (
	"context"
	"database/sql"
	"sync"
	"sync/atomic"

	"cacheaside/appconf"
)

// Load-once guards, as kratos' ensureCredentialTypesLoaded: a package
// variable looked up with no key (an atomic.Pointer's Load, or the
// variable tested itself), the query on a miss, and the result stored
// back: the query runs once per process, whatever the loop walks, and is
// not reported. The twins that keep nothing, or key the variable by the
// element, are.

type kinds struct{ byID map[int64]string }

var kindsPtr atomic.Pointer[kinds]

func loadKinds(ctx context.Context, db *sql.DB) (*kinds, error) {
	if k := kindsPtr.Load(); k != nil {
		return k, nil
	}
	k, err := readKinds(ctx, db)
	if err != nil {
		return nil, err
	}
	kindsPtr.Store(k)
	return k, nil
}

var kindsVar *kinds

func loadKindsVar(ctx context.Context, db *sql.DB) (*kinds, error) {
	if kindsVar != nil {
		return kindsVar, nil
	}
	k, err := readKinds(ctx, db)
	if err != nil {
		return nil, err
	}
	kindsVar = k
	return k, nil
}

// loadKindsAgain tests the variable but never stores it: every call
// queries.
func loadKindsAgain(ctx context.Context, db *sql.DB) (*kinds, error) {
	if k := kindsPtr.Load(); k != nil {
		return k, nil
	}
	return readKinds(ctx, db)
}

var byUser sync.Map

// userName keeps one entry per user in a package variable: keyed, so a
// loop over users misses it for every element.
func userName(ctx context.Context, db *sql.DB, u user) (string, error) {
	if v, ok := byUser.Load(u.ID); ok {
		return v.(string), nil
	}
	var name string
	if err := db.QueryRowContext(ctx, "SELECT name FROM users WHERE id = $1", u.ID).Scan(&name); err != nil {
		return "", err
	}
	byUser.Store(u.ID, name)
	return name, nil
}

func readKinds(ctx context.Context, db *sql.DB) (*kinds, error) {
	rows, err := db.QueryContext(ctx, "SELECT id, name FROM kinds")
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	k := &kinds{byID: map[int64]string{}}
	for rows.Next() {
		var id int64
		var name string
		if err := rows.Scan(&id, &name); err != nil {
			return nil, err
		}
		k.byID[id] = name
	}
	return k, rows.Err()
}

func kindOf(ctx context.Context, db *sql.DB, id int64) string {
	k, err := loadKinds(ctx, db)
	if err != nil {
		return ""
	}
	return k.byID[id]
}

func kindsOnce(ctx context.Context, db *sql.DB) {
	for _, u := range users(ctx, db) {
		_ = kindOf(ctx, db, u.ID)
		_, _ = loadKindsVar(ctx, db)
	}
}

func kindsEveryTime(ctx context.Context, db *sql.DB) {
	for range users(ctx, db) {
		_, _ = loadKindsAgain(ctx, db) // want `runs a query .* once per element of users`
	}
}

func userNames(ctx context.Context, db *sql.DB) {
	for _, u := range users(ctx, db) {
		_, _ = userName(ctx, db, u) // want `on a cold memo once per element of users`
	}
}

// encryptKey fills a field of another package's configuration variable in
// place the first time (1Panel's StringDecrypt): the query runs once per
// process. Its twin tests the field and reads it again every time.
func encryptKey(ctx context.Context, db *sql.DB) string {
	if len(appconf.CONF.System.EncryptKey) == 0 {
		var key string
		if err := db.QueryRowContext(ctx, "SELECT value FROM settings WHERE key = 'EncryptKey'").Scan(&key); err != nil {
			return ""
		}
		appconf.CONF.System.EncryptKey = key
	}
	return appconf.CONF.System.EncryptKey
}

func encryptKeyAgain(ctx context.Context, db *sql.DB) string {
	key := appconf.CONF.System.EncryptKey
	if len(key) == 0 {
		if err := db.QueryRowContext(ctx, "SELECT value FROM settings WHERE key = 'EncryptKey'").Scan(&key); err != nil {
			return ""
		}
	}
	return key
}

func decryptAll(ctx context.Context, db *sql.DB) {
	for range users(ctx, db) {
		_ = encryptKey(ctx, db)
		_ = encryptKeyAgain(ctx, db) // want `runs a query .* once per element of users`
	}
}
