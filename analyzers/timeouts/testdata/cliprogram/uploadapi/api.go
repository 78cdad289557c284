// Package uploadapi is a command-line uploader's API client (gokapi's
// cli-uploader/cliapi). It serves nothing, and only the uploader, which
// serves nothing either, imports it: its user watches and interrupts an
// upload of any length, so its clients are not reported.
package uploadapi

import (
	"bytes"
	"net/http"
)

// Upload sends a file with a client of its own.
func Upload(url string, data []byte) error {
	client := &http.Client{}
	resp, err := client.Post(url, "application/octet-stream", bytes.NewReader(data))
	if err != nil {
		return err
	}
	return resp.Body.Close()
}

// Status asks the server through the default client.
func Status(url string) (int, error) {
	req, err := http.NewRequest(http.MethodGet, url, nil)
	if err != nil {
		return 0, err
	}
	resp, err := http.DefaultClient.Do(req)
	if err != nil {
		return 0, err
	}
	defer resp.Body.Close()
	return resp.StatusCode, nil
}
