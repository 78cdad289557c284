// Package typeapi is a sibling of typeui that reaches the same types.
package typeapi

import (
	"net/http"

	"typestore"
)

var (
	store *typestore.Store
	prefs *typestore.Prefs
)

func user(w http.ResponseWriter, r *http.Request) {
	_ = store.User()
	_ = prefs.Get()
	_ = prefs.Set()
}
