// Package timeouts is the real-libraries fixture of perfvet's timeouts
// analyzer: every rule of analyzers/timeouts/doc.go, written against the
// real net/http, gin, echo, chi, database/sql, sqlx, pgx v5 and go-redis v9
// APIs, once wrong (with a want comment) and once right (its twin, with
// none). A change in a library's API that moves a method, changes a
// signature or renames a type makes this package fail to compile or the
// test that runs the analyzer on it fail.
//
// Functions are unexported so that they carry no facts to expect; the
// repository in package store is exported and its facts are expected.
package timeouts
