// Package exitcheck holds a flag's one-off health check (vouch's
// -healthcheck): it probes the server and exits with the result, so the
// process's supervisor bounds it, as an operator bounds a command. The
// twin returns its result to a caller that goes on running.
package exitcheck

import (
	"net/http"
	"os"
)

// CheckAndExit runs the check when the flag is set.
func CheckAndExit(enabled bool, url string) {
	if enabled {
		healthcheck(url)
	}
}

func healthcheck(url string) {
	resp, err := http.Get(url)
	if err == nil {
		_ = resp.Body.Close()
		if resp.StatusCode == http.StatusOK {
			os.Exit(0)
		}
	}
	os.Exit(1)
}

// Check returns the result to its caller.
func Check(url string) error {
	resp, err := http.Get(url) // want `^http.Get sends the request through http.DefaultClient`
	if err != nil {
		return err
	}
	return resp.Body.Close()
}
