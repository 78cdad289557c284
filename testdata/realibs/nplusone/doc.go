// Package nplusone is the real-libraries fixture of perfvet's nplusone
// analyzer: queries and cache round trips once per element, written
// against the real database/sql, sqlx, pgx (v5 and v4), GORM, bun, ent
// (generated code in ./ent), sqlc-style generated code (./sqlc), gorp,
// go-redis (v9 and v8) and gomemcache APIs, each wrong loop (with a want
// comment) next to its right twin (with none). A change in a library's
// API that moves a method, changes a signature or renames a type makes
// this package fail to compile or the test that runs the analyzer on it
// fail.
//
// Functions are unexported so that they carry no facts to expect; the
// repository in package store is exported and its facts are expected.
package nplusone
