// Package kong is a stub of github.com/alecthomas/kong: a command-line
// parser that runs the Run method of the command the arguments select.
package kong

// Kong is the parser.
type Kong struct{}

// Context is a parsed command line.
type Context struct{ *Kong }

// Option configures the parser.
type Option interface{}

// Parse parses the command line into cli.
func Parse(cli any, options ...Option) *Context { return &Context{} }

// Run calls the selected command's Run method with binds.
func (c *Context) Run(binds ...any) error { return nil }
