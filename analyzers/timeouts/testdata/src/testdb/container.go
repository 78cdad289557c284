package testdb

import (
	"net/http"

	"github.com/ory/dockertest/v3"
)

// WaitForRunning polls the service a test started in a container with
// dockertest (headscale's integration harness, a package of its own that
// imports no test framework else): test support code, not reported.
func WaitForRunning(r *dockertest.Resource) error {
	c := &http.Client{}
	resp, err := c.Get("http://" + r.GetHostPort("8080/tcp") + "/health")
	if err != nil {
		return err
	}
	return resp.Body.Close()
}
