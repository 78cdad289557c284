// Command uploader uploads a file: a command-line tool, which serves
// nothing, so the clients of the packages only it imports are silent.
package main

import (
	"os"

	"example.com/cliprogram/shared"
	"example.com/cliprogram/uploadapi"
)

func main() {
	if err := uploadapi.Upload(os.Args[1], []byte(os.Args[2])); err != nil {
		os.Exit(1)
	}
	if _, err := uploadapi.Status(os.Args[1]); err != nil {
		os.Exit(1)
	}
	_, _ = shared.Probe(os.Args[1])
	_, _ = shared.Fetch(os.Args[1])
}
