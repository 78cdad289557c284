// Package validatecmd holds a command-line command of the server's
// program (a go-flags command: Execute([]string) error).
package validatecmd

import "example.com/cliprogram/schemaload"

// ValidateCommand validates a schema file.
type ValidateCommand struct{}

// Execute runs the command.
func (*ValidateCommand) Execute(args []string) error {
	return schemaload.Load(args[0])
}
