package timeoutfixes

import (
	"net/http"
	"time"
)

// The fix adds the plan's request_timeout (30s) to the literal.
var shared = &http.Client{} // want `http.Client has no Timeout`

var bounded = &http.Client{Timeout: 5 * time.Second}

func transport() *http.Client {
	return &http.Client{Transport: http.DefaultTransport} // want `http.Client has no Timeout`
}

func transportBounded() *http.Client {
	return &http.Client{Transport: http.DefaultTransport, Timeout: 5 * time.Second}
}

func multiline() *http.Client {
	return &http.Client{ // want `http.Client has no Timeout`
		Transport: http.DefaultTransport,
	}
}

func multilineBounded() *http.Client {
	return &http.Client{
		Transport: http.DefaultTransport,
		Timeout:   5 * time.Second,
	}
}

// explicitZero: the literal says Timeout: 0, the author's choice: no
// finding, so no fix.
func explicitZero() *http.Client {
	return &http.Client{Timeout: 0}
}

// zeroedLater: a store after the literal would undo the fix: no fix.
func zeroedLater() *http.Client {
	c := &http.Client{} // want `http.Client has no Timeout`
	c.Timeout = 0
	return c
}

func setLater() *http.Client {
	c := &http.Client{}
	c.Timeout = 5 * time.Second
	return c
}
