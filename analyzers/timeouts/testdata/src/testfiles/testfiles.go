// Package testfiles has findings in a _test.go file, which are reported
// only when the analyzer's -tests flag is set.
package testfiles

import "net/http"

func fetch() { _, _ = http.Get("http://example.com") } // want `http.Get sends the request`
