// Package ui serves pages over storage.
package ui

import (
	"fmt"
	"net/http"

	"example.com/causes/storage"
)

// UI serves pages.
type UI struct{ Store *storage.Storage }

func (u *UI) entries(w http.ResponseWriter, r *http.Request) {
	n, _ := u.Store.Entries(1)
	fmt.Fprintln(w, n)
}

// Unread is exported; admin, which imports ui, calls it.
func (u *UI) Unread(w http.ResponseWriter, r *http.Request) {
	n, _ := u.Store.Entries(2)
	name, _ := u.Store.UserByID(1)
	fmt.Fprintln(w, n, name)
}

func (u *UI) feeds(w http.ResponseWriter, r *http.Request) {
	n, _ := u.Store.Feeds()
	fmt.Fprintln(w, n)
}

func (u *UI) entriesFixed(w http.ResponseWriter, r *http.Request) {
	n, _ := u.Store.EntriesContext(r.Context(), 1)
	fmt.Fprintln(w, n)
}

// Routes registers the pages.
func (u *UI) Routes(mux *http.ServeMux) {
	mux.HandleFunc("GET /entries", u.entries)
	mux.HandleFunc("GET /unread", u.Unread)
	mux.HandleFunc("GET /feeds", u.feeds)
	mux.HandleFunc("GET /entries2", u.entriesFixed)
}
