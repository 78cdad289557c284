// Command oneoffstore serves requests from a pool it never bounds, and
// has a set-config command that opens a pool of its own for one
// transaction, hands it to the store in a struct literal and closes it on
// return (goalert's set-config): that pool serves no requests and is not
// reported. The service's pool, handed the same way and kept, is.
package main

import (
	"database/sql"
	"net/http"
	"os"
	"time"
)

// StoreConfig configures a Store.
type StoreConfig struct {
	DB   *sql.DB
	Keys []string
}

// Store keeps the configuration in the database.
type Store struct{ db *sql.DB }

// NewStore returns a store over cfg.DB.
func NewStore(cfg StoreConfig) *Store { return &Store{db: cfg.DB} }

// Set writes one key.
func (s *Store) Set(k, v string) error {
	_, err := s.db.Exec("UPDATE config SET value = $2 WHERE key = $1", k, v)
	return err
}

func setConfig(dsn, k, v string) error {
	db, err := sql.Open("pgx", dsn)
	if err != nil {
		return err
	}
	defer db.Close()
	s := NewStore(StoreConfig{DB: db, Keys: []string{k}})
	return s.Set(k, v)
}

func newService(dsn string) (*Store, error) {
	db, err := sql.Open("pgx", dsn) // want `sql.Open opens a database pool that the program never bounds`
	if err != nil {
		return nil, err
	}
	return NewStore(StoreConfig{DB: db}), nil
}

func main() {
	if len(os.Args) > 3 && os.Args[1] == "set-config" {
		_ = setConfig(os.Getenv("DSN"), os.Args[2], os.Args[3])
		return
	}
	s, err := newService(os.Getenv("DSN"))
	if err != nil {
		return
	}
	mux := http.NewServeMux()
	mux.HandleFunc("/set", func(w http.ResponseWriter, r *http.Request) { _ = s.Set(r.FormValue("k"), r.FormValue("v")) })
	srv := &http.Server{Addr: ":8080", Handler: mux, ReadHeaderTimeout: time.Second}
	_ = srv.ListenAndServe()
}
