package testdb

import "net/http"

// Fetch is the same request in a file that imports no test framework:
// reported.
func Fetch(url string) error {
	c := &http.Client{} // want `http.Client has no Timeout`
	resp, err := c.Get(url)
	if err != nil {
		return err
	}
	return resp.Body.Close()
}
