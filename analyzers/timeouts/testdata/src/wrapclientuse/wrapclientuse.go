// want package:`causes\(wrapclientuse wrapclientuse.mixed, wrapclientuse wrapclientuse.slow\)`

// Package wrapclientuse sends context-free requests through the clients
// of package wrapclient from a request path: through the five-second
// client, the request runs five seconds at most after its client has gone
// (portainer's Docker Hub status, judged false when reported), not
// reported; through the one-minute client and the one whose Timeout is
// chosen at run time, reported.
package wrapclientuse

import (
	"net/http"

	"wrapclient"
)

func token(c *wrapclient.HTTPClient, url string) error {
	req, err := http.NewRequest(http.MethodGet, url, nil)
	if err != nil {
		return err
	}
	resp, err := c.Do(req)
	if err != nil {
		return err
	}
	return resp.Body.Close()
}

func status(w http.ResponseWriter, r *http.Request) {
	_ = token(wrapclient.NewHTTPClient(), "https://hub.example.com/token")
}

func slow(c *wrapclient.Slow, url string) error { // want `^wrapclientuse.slow runs an HTTP request with no context \(http.NewRequest at wrapclientuse.go:\d+\); 1 request path reaches it`
	req, err := http.NewRequest(http.MethodGet, url, nil)
	if err != nil {
		return err
	}
	resp, err := c.HTTP.Do(req)
	if err != nil {
		return err
	}
	return resp.Body.Close()
}

func slowStatus(w http.ResponseWriter, r *http.Request) {
	_ = slow(wrapclient.NewSlow(), "https://hub.example.com/limits")
}

func mixed(c *wrapclient.Mixed, url string) error { // want `^wrapclientuse.mixed runs an HTTP request with no context \(http.NewRequest at wrapclientuse.go:\d+\); 1 request path reaches it`
	req, err := http.NewRequest(http.MethodGet, url, nil)
	if err != nil {
		return err
	}
	resp, err := c.HTTP.Do(req)
	if err != nil {
		return err
	}
	return resp.Body.Close()
}

func mixedStatus(w http.ResponseWriter, r *http.Request) {
	_ = mixed(wrapclient.NewMixed(), "https://hub.example.com/mixed")
}
