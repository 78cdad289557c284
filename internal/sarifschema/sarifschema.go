// Package sarifschema validates SARIF logs against the SARIF 2.1.0 JSON
// schema (OASIS, errata 01), for the tests of every SARIF writer in the
// repository: perfvet's and golangci-lint's.
package sarifschema

import (
	"bytes"
	_ "embed"
	"fmt"
	"sync"

	"github.com/santhosh-tekuri/jsonschema/v6"
)

// schemaJSON is sarif-schema-2.1.0.json of the SARIF 2.1.0 errata 01
// specification (the copy in github.com/owenrumney/go-sarif/v3 v3.3.1,
// pkg/report/v210/sarif/schema.go).
//
//go:embed sarif-schema-2.1.0.json
var schemaJSON []byte

const schemaURL = "https://docs.oasis-open.org/sarif/sarif/v2.1.0/errata01/os/schemas/sarif-schema-2.1.0.json"

var compiled = sync.OnceValues(func() (*jsonschema.Schema, error) {
	doc, err := jsonschema.UnmarshalJSON(bytes.NewReader(schemaJSON))
	if err != nil {
		return nil, err
	}
	c := jsonschema.NewCompiler()
	c.AssertFormat()
	if err := c.AddResource(schemaURL, doc); err != nil {
		return nil, err
	}
	return c.Compile(schemaURL)
})

// Validate reports whether log is a valid SARIF 2.1.0 log; the error lists
// every violation with its JSON pointer.
func Validate(log []byte) error {
	schema, err := compiled()
	if err != nil {
		return fmt.Errorf("compiling the SARIF schema: %w", err)
	}
	inst, err := jsonschema.UnmarshalJSON(bytes.NewReader(log))
	if err != nil {
		return fmt.Errorf("not JSON: %w", err)
	}
	return schema.Validate(inst)
}
