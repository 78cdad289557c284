// want package:`metrics\(go_sql_idle_connections:gauge\{\} .*\)`

// Package stats registers the statistics of the program's pools.
package stats

import (
	"database/sql"

	"github.com/prometheus/client_golang/prometheus"
	"github.com/prometheus/client_golang/prometheus/collectors"
)

// Register exports a pool's statistics.
func Register(db *sql.DB, name string) {
	prometheus.MustRegister(collectors.NewDBStatsCollector(db, name))
}
