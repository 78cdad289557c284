// Package clienttest is a test helper package (by its name): not reported
// on unless the -tests flag is set.
package clienttest

import "net/http"

var Client = &http.Client{} // want Client:`clientVar\(unbounded=true\)`
