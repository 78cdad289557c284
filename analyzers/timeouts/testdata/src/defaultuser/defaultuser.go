// Package defaultuser imports defaultset, which bounds the default client
// for the program: its requests through http.DefaultClient are bounded.
package defaultuser

import (
	"net/http"

	_ "defaultset"
)

func get() {
	_, _ = http.Get("http://example.com")
}
