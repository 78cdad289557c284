// Package schemaload fetches a schema from a URL (permify's pkg/schema).
// It serves nothing, and the only package that calls it calls it from a
// command's body (validatecmd): the server's program imports it, but no
// request reaches it, so its client is not reported.
package schemaload

import "net/http"

// Load gets a schema through the default client.
func Load(url string) error {
	resp, err := http.Get(url)
	if err != nil {
		return err
	}
	return resp.Body.Close()
}
