package memo // want package:`impls\(Deps\)`

// The package holds fields built on first use: a service's client whose
// construction migrates its schema (60 statements) on the first request
// and is kept in a field, each with its twin that builds it on every call.

import (
	"database/sql"
	"net/http"
)

var db *sql.DB

type Client struct{}

// migrate runs 60 statements: ~600ms.
func migrate() *Client {
	for i := 0; i < 60; i++ {
		_, _ = db.Exec("UPDATE settings SET value = value WHERE id = $1", i)
	}
	return &Client{}
}

type Deps struct {
	client *Client
}

// Client returns the client it built on first use.
func (d *Deps) Client() *Client { // want Client:`cost\(settings update × 60 \(built on first use, miss rate\)=60ms\)`
	if d.client != nil {
		return d.client
	}
	d.client = migrate()
	return d.client
}

// ClientEvery has Client's guard but never keeps what it builds: every
// call migrates.
func (d *Deps) ClientEvery() *Client { // want ClientEvery:`cost\(settings update × 60=600ms\)`
	if d.client != nil {
		return d.client
	}
	return migrate()
}

// Lazy builds the client in the body of its nil check.
func (d *Deps) Lazy() *Client { // want Lazy:`cost\(settings update × 60 \(built on first use, miss rate\)=60ms\)`
	if d.client == nil {
		d.client = migrate()
	}
	return d.client
}

// LazyEvery checks the field and builds, but keeps nothing.
func (d *Deps) LazyEvery() *Client { // want LazyEvery:`cost\(settings update × 60=600ms\)`
	if d.client == nil {
		return migrate()
	}
	return d.client
}

var shared *Client

// Shared keeps its client in a package variable.
func Shared() *Client { // want Shared:`cost\(settings update × 60 \(built on first use, miss rate\)=60ms\)`
	if shared != nil {
		return shared
	}
	shared = migrate()
	return shared
}

func Routes(d *Deps) *http.ServeMux { // want Routes:`cost\(settings update × 60=1.2s, settings update × 60 \(built on first use, miss rate\)=240ms, .*\)`
	mux := http.NewServeMux()
	// Built on first use: ~600ms × 0.1 (miss rate) + one query: ~70ms.
	mux.HandleFunc("GET /memo", func(w http.ResponseWriter, r *http.Request) {
		d.Client()
		_, _ = db.Exec("SELECT 1")
	})
	mux.HandleFunc("GET /every", func(w http.ResponseWriter, r *http.Request) { // want `route "GET /every" is estimated at ~610ms from its code`
		d.ClientEvery()
		_, _ = db.Exec("SELECT 1")
	})
	mux.HandleFunc("GET /lazy", func(w http.ResponseWriter, r *http.Request) {
		d.Lazy()
		_, _ = db.Exec("SELECT 1")
	})
	mux.HandleFunc("GET /lazy/every", func(w http.ResponseWriter, r *http.Request) { // want `route "GET /lazy/every" is estimated at ~610ms from its code`
		d.LazyEvery()
		_, _ = db.Exec("SELECT 1")
	})
	mux.HandleFunc("GET /shared", func(w http.ResponseWriter, r *http.Request) {
		Shared()
		_, _ = db.Exec("SELECT 1")
	})
	// Once per request at most, whatever loop is around the accessor.
	mux.HandleFunc("GET /memo/loop", func(w http.ResponseWriter, r *http.Request) {
		for i := 0; i < 5; i++ {
			d.Client()
		}
		_, _ = db.Exec("SELECT 1")
	})
	return mux
}
