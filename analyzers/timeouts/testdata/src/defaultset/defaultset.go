// want package:"bounds http.DefaultClient"

// Package defaultset replaces http.DefaultClient with a client that has a
// Timeout (fider's httpclient package): the assignment is no use of the
// default client, and the programs that link it send through a bounded
// one.
package defaultset

import (
	"net/http"
	"time"
)

func init() {
	http.DefaultClient = &http.Client{Timeout: 30 * time.Second}
}

func get() {
	_, _ = http.Get("http://example.com")
}
