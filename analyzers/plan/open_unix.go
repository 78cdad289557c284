//go:build unix

package plan

import (
	"os"
	"syscall"
)

// openNonblocking opens a file for reading without blocking: opening a
// named pipe that no one writes to would otherwise wait forever. Load
// reads only regular files, on which O_NONBLOCK has no effect.
func openNonblocking(name string) (*os.File, error) {
	return os.OpenFile(name, os.O_RDONLY|syscall.O_NONBLOCK, 0)
}
