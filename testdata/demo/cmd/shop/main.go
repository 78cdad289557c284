// Command shop serves the shop's HTTP API: the product catalog, user
// accounts, orders, payments and shipping quotes.
package main

import (
	"context"
	"database/sql"
	"fmt"
	"log/slog"
	"net/http"
	"os"
	"time"

	_ "github.com/jackc/pgx/v5/stdlib" // registers the "pgx" database/sql driver
	"github.com/redis/go-redis/v9"

	"example.com/shop/internal/api"
	"example.com/shop/internal/cache"
	"example.com/shop/internal/catalog"
	"example.com/shop/internal/payments"
	"example.com/shop/internal/shipping"
	"example.com/shop/internal/store"
)

// config is read from the environment at startup.
type config struct {
	Addr           string
	DatabaseURL    string
	RedisAddr      string
	PaymentsURL    string
	PaymentsAPIKey string
	ShippingURL    string
}

func loadConfig() config {
	return config{
		Addr:           getenv("SHOP_ADDR", ":8080"),
		DatabaseURL:    getenv("DATABASE_URL", "postgres://shop:shop@localhost:5432/shop?sslmode=disable"),
		RedisAddr:      getenv("REDIS_ADDR", "localhost:6379"),
		PaymentsURL:    getenv("PAYMENTS_URL", "https://api.payments.example.com"),
		PaymentsAPIKey: os.Getenv("PAYMENTS_API_KEY"),
		ShippingURL:    getenv("SHIPPING_URL", "https://api.shipping.example.com"),
	}
}

func getenv(key, fallback string) string {
	if v, ok := os.LookupEnv(key); ok && v != "" {
		return v
	}
	return fallback
}

func main() {
	if err := run(loadConfig()); err != nil {
		slog.Error("shop stopped", "err", err)
		os.Exit(1)
	}
}

func run(cfg config) error {
	db, err := sql.Open("pgx", cfg.DatabaseURL)
	if err != nil {
		return fmt.Errorf("open database: %w", err)
	}
	defer db.Close()
	db.SetMaxOpenConns(25)
	db.SetMaxIdleConns(25)
	db.SetConnMaxLifetime(30 * time.Minute)

	ctx, cancel := context.WithTimeout(context.Background(), 5*time.Second)
	defer cancel()
	if err := db.PingContext(ctx); err != nil {
		return fmt.Errorf("ping database: %w", err)
	}

	rdb := redis.NewClient(&redis.Options{
		Addr:         cfg.RedisAddr,
		DialTimeout:  2 * time.Second,
		ReadTimeout:  500 * time.Millisecond,
		WriteTimeout: 500 * time.Millisecond,
	})
	defer rdb.Close()

	st := store.New(db)
	svc := catalog.New(st, cache.New(rdb, st))
	h := api.New(svc, st, payments.New(cfg.PaymentsURL, cfg.PaymentsAPIKey), shipping.New(cfg.ShippingURL))

	slog.Info("shop listening", "addr", cfg.Addr)
	// Timeouts: http.ListenAndServe builds a server with no ReadHeaderTimeout,
	// ReadTimeout or WriteTimeout, so a slow client can hold a connection
	// forever; use an http.Server with those fields set.
	return http.ListenAndServe(cfg.Addr, api.NewRouter(h))
}
