// Package pagesize is the real-libraries fixture of perfvet's pagesize // want package:`pagesize reported store/store.go:45 every row of User \(no Limit in the chain\), store/xorm.go:17 every row of User \(no Limit in the chain\), store/xorm.go:24 every row of User \(no Limit in the chain\)`
// analyzer: page sizes read from requests through the real net/http, chi,
// gorilla/mux, gin and echo APIs and passed to database/sql, GORM and bun,
// and request paths that read whole tables, each wrong handler (with an
// expectation comment) next to its right twin (with none). A change in a
// library's API that moves a method, changes a signature or renames a
// type makes this fixture fail to type-check, or a want fail to match.
package pagesize
