// Package cobra is a stub of github.com/spf13/cobra v1.10: the command's
// function fields.
package cobra

import "context"

type Command struct {
	Use      string
	Run      func(cmd *Command, args []string)
	RunE     func(cmd *Command, args []string) error
	PreRunE  func(cmd *Command, args []string) error
	Commands []*Command
}

func (c *Command) AddCommand(cmds ...*Command) {}
func (c *Command) Execute() error              { return nil }
func (c *Command) Context() context.Context    { return context.Background() }
