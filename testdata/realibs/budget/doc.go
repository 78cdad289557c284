// Package budget holds routes registered on the real routers (net/http,
// chi, gin, echo, gorilla/mux) whose handlers use the real drivers (database/sql, sqlx,
// GORM, go-redis v9), for the budget analyzer: each positive beside its
// negative twin.
package budget
