// Package pq stands for lib/pq, a PostgreSQL driver for database/sql.
package pq
