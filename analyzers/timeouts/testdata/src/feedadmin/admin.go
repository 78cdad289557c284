// Package feedadmin imports feedui, which already reports feedstore's
// Entries, Feeds and fetchUser: it does not report them again (under go
// vet, where nothing merges findings, that keeps one finding per cause along
// an import chain), so its calls are not among their related positions.
// feedapi does not import feedui: its calls join feedui's (merged by the
// command; under go vet, feedui and feedapi each print the finding).
package feedadmin

import (
	"net/http"

	"feedstore"
	"feedui"
)

var store *feedstore.Storage

func admin(w http.ResponseWriter, r *http.Request) {
	feedui.ShowUnread(w, r)
	_, _ = store.Entries(9)
	_, _ = store.Feeds()
	_, _ = store.UserByName("admin")
}
