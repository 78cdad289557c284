// want package:"bounds http.DefaultClient"

// Package clientsdefault sets http.DefaultClient.Timeout, which bounds
// http.Get and every use of the default client in the package.
package clientsdefault

import (
	"net/http"
	"time"
)

func init() {
	http.DefaultClient.Timeout = 10 * time.Second
}

func get() {
	_, _ = http.Get("http://example.com")
	_, _ = http.DefaultClient.Get("http://example.com")
}
