// Package kongcmd holds a kong command (cerbos' healthcheck): kong runs
// its Run once per invocation, and its client, used in place, is the
// operator's to interrupt. The twin: an exported probe another package may
// call from a request.
package kongcmd

import (
	"net/http"

	"github.com/alecthomas/kong"
)

// HealthcheckCmd is a kong command.
type HealthcheckCmd struct{ URL string }

func (c *HealthcheckCmd) Run(k *kong.Kong) error {
	return c.check()
}

func (c *HealthcheckCmd) check() error {
	client := &http.Client{}
	resp, err := client.Get(c.URL)
	if err != nil {
		return err
	}
	return resp.Body.Close()
}

// Probe is exported: a request path may call it.
func Probe(url string) error {
	client := &http.Client{} // want `^http.Client has no Timeout`
	resp, err := client.Get(url)
	if err != nil {
		return err
	}
	return resp.Body.Close()
}
