//go:build !unix

package plan

import "os"

// openNonblocking opens a file for reading; outside Unix, opening a file
// does not block on a pipe's writer.
func openNonblocking(name string) (*os.File, error) {
	return os.Open(name)
}
