// Package chunks stores uploaded chunks: its callers bound the body first.
package chunks

import "net/http"

// Save parses the upload of a request whose body its caller bounded.
func Save(r *http.Request) error {
	return r.ParseMultipartForm(1 << 20)
}
