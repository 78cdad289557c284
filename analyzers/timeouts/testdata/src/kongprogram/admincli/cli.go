// Package admincli is a command-line interface that the program's kong
// grammar runs as a subcommand (syncthing's cli package: CLI cli.CLI
// `cmd:""`). It serves nothing, so its client is held for the program,
// which refers to it only in its grammar: command code, not reported.
package admincli

import "net/http"

// CLI is the subcommand.
type CLI struct{ URL string }

// Run gets the URL the user gave.
func (c *CLI) Run() error { return Get(c.URL) }

// Get gets a URL.
func Get(url string) error {
	client := &http.Client{}
	resp, err := client.Get(url)
	if err != nil {
		return err
	}
	return resp.Body.Close()
}
