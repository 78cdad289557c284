// Command gormconn hands GORM a connection it opened itself: a pgxpool
// (bounded by pgx's MaxConns) through stdlib.OpenDBFromPool, in
// postgres.New(postgres.Config{Conn: ...}) (pocket-id). gorm.Open opens
// no pool there. Its twin, gorm.Open(postgres.Open(dsn)), opens one and
// is reported.
package main

import (
	"context"
	"net/http"
	"os"
	"time"

	"github.com/jackc/pgx/v5/pgxpool"
	"github.com/jackc/pgx/v5/stdlib"
	"gorm.io/driver/postgres"
	"gorm.io/gorm"
)

func openOverPool(ctx context.Context, dsn string) (*gorm.DB, error) {
	pg, err := pgxpool.New(ctx, dsn)
	if err != nil {
		return nil, err
	}
	var dialector gorm.Dialector
	if os.Getenv("SIMPLE") != "" {
		dialector = postgres.New(postgres.Config{Conn: stdlib.OpenDBFromPool(pg), PreferSimpleProtocol: true})
	} else {
		dialector = postgres.New(postgres.Config{Conn: stdlib.OpenDBFromPool(pg)})
	}
	return gorm.Open(dialector, &gorm.Config{})
}

// openLazily declares the dialector with := inside the literal a lazy
// value runs (bitmagnet's database.New, over a pgxpool): no pool either.
func openLazily(pg *pgxpool.Pool) func() (*gorm.DB, error) {
	return func() (*gorm.DB, error) {
		sqlDB := stdlib.OpenDBFromPool(pg)
		dialector := postgres.New(postgres.Config{
			Conn: sqlDB,
		})
		return gorm.Open(dialector, &gorm.Config{DisableAutomaticPing: true})
	}
}

func openByDSN(dsn string) (*gorm.DB, error) {
	return gorm.Open(postgres.Open(dsn), &gorm.Config{}) // want `gorm.Open opens a database pool that the program never bounds`
}

func main() {
	a, _ := openOverPool(context.Background(), os.Getenv("DSN"))
	b, _ := openByDSN(os.Getenv("DSN"))
	pg, _ := pgxpool.New(context.Background(), os.Getenv("DSN"))
	c, _ := openLazily(pg)()
	_, _, _ = a, b, c
	srv := &http.Server{Addr: ":8080", ReadHeaderTimeout: time.Second}
	_ = srv.ListenAndServe()
}
