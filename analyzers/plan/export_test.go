package plan

import (
	"github.com/goccy/go-yaml/ast"
	"github.com/goccy/go-yaml/parser"
)

// Exports for plan_test.

var (
	CheckRoute       = checkRoute
	CheckFuncPattern = checkFuncPattern
)

const (
	InternalDecodeError = internalDecodeError
	MaxNesting          = maxNesting
	MaxErrors           = maxErrors
	MaxPlanSize         = maxPlanSize
)

// PanicInYAMLParser makes the YAML parser panic with v until the returned
// function restores it.
func PanicInYAMLParser(v any) (restore func()) {
	saved := yamlParse
	yamlParse = func([]byte, parser.Mode, ...parser.Option) (*ast.File, error) { panic(v) }
	return func() { yamlParse = saved }
}
