// Package avatars fetches avatars through the default client. It serves
// nothing; webapp's handler calls it: reported, although the program
// starts webapp from a command's body.
package avatars

import "net/http"

// Fetch gets an avatar.
func Fetch(url string) error {
	resp, err := http.Get(url) // want `http.Get sends the request through http.DefaultClient`
	if err != nil {
		return err
	}
	return resp.Body.Close()
}
