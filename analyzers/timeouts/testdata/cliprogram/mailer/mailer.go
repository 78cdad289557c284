// Package mailer registers itself in its init (a driver, as alist's
// storage drivers and fider's SMTP sender are), and the server's program
// imports it only for that: blank-imported, it is live, and its client is
// reported.
package mailer

import (
	"net/http"
	"strings"
)

var senders []func(string) error

func init() { senders = append(senders, send) }

func send(body string) error {
	resp, err := http.Post("https://mail.example.com/send", "text/plain", strings.NewReader(body)) // want `http.Post sends the request through http.DefaultClient`
	if err != nil {
		return err
	}
	return resp.Body.Close()
}
