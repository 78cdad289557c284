// Command server serves every domain.
package main

import (
	"database/sql"
	"log"
	"net/http"
	"time"

	"github.com/redis/go-redis/v9"
	"gorm.io/gorm"

	api0 "example.com/gen/internal/api/api0"
	api1 "example.com/gen/internal/api/api1"
	api10 "example.com/gen/internal/api/api10"
	api11 "example.com/gen/internal/api/api11"
	api12 "example.com/gen/internal/api/api12"
	api13 "example.com/gen/internal/api/api13"
	api2 "example.com/gen/internal/api/api2"
	api3 "example.com/gen/internal/api/api3"
	api4 "example.com/gen/internal/api/api4"
	api5 "example.com/gen/internal/api/api5"
	api6 "example.com/gen/internal/api/api6"
	api7 "example.com/gen/internal/api/api7"
	api8 "example.com/gen/internal/api/api8"
	api9 "example.com/gen/internal/api/api9"
)

func main() {
	var db *sql.DB
	var gdb *gorm.DB
	rdb := redis.NewClient(&redis.Options{Addr: "localhost:6379"})
	mux := http.NewServeMux()
	api0.Register(mux, db, gdb, rdb)
	api1.Register(mux, db, gdb, rdb)
	api2.Register(mux, db, gdb, rdb)
	api3.Register(mux, db, gdb, rdb)
	api4.Register(mux, db, gdb, rdb)
	api5.Register(mux, db, gdb, rdb)
	api6.Register(mux, db, gdb, rdb)
	api7.Register(mux, db, gdb, rdb)
	api8.Register(mux, db, gdb, rdb)
	api9.Register(mux, db, gdb, rdb)
	api10.Register(mux, db, gdb, rdb)
	api11.Register(mux, db, gdb, rdb)
	api12.Register(mux, db, gdb, rdb)
	api13.Register(mux, db, gdb, rdb)
	srv := &http.Server{Addr: ":8080", Handler: mux, ReadHeaderTimeout: 5 * time.Second, WriteTimeout: 10 * time.Second}
	log.Fatal(srv.ListenAndServe())
}
