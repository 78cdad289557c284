// Package safeclient makes the clients a program uses for outbound calls
// (notifuse's safehttpclient): one bounded within the plan's
// query_timeout, one not.
package safeclient

import (
	"net/http"
	"time"
)

func New() *http.Client { // want New:`io\(returns a client with a 10s timeout\)`
	return &http.Client{Timeout: 10 * time.Second}
}

func NewSlow() *http.Client { // want NewSlow:`io\(returns a client with a 1m0s timeout\)`
	return &http.Client{Timeout: time.Minute}
}
