// Package testdb supports a service's tests under a name that does not
// say so (gotify's test/testdb, navidrome's tests/harness). This file
// imports testing: it is test support code, and its client is not
// reported. client.go, beside it, is production code and is.
package testdb

import (
	"net/http"
	"testing"
)

// Seed loads fixtures into the test server the test started.
func Seed(t *testing.T, url string) {
	c := &http.Client{}
	resp, err := c.Get(url)
	if err != nil {
		t.Fatal(err)
	}
	resp.Body.Close()
}
