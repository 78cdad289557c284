module github.com/perfvet/perfvet

go 1.26.0

require (
	github.com/goccy/go-yaml v1.19.2
	golang.org/x/tools v0.52.0
)

require honnef.co/go/tools v0.8.2

require (
	github.com/golangci/plugin-module-register v0.1.2
	github.com/google/go-cmp v0.7.0 // indirect
	github.com/santhosh-tekuri/jsonschema/v6 v6.0.3
	github.com/sourcegraph/jsonrpc2 v0.2.0
	github.com/tliron/glsp v0.2.2
	golang.org/x/mod v0.42.0
	golang.org/x/sync v0.24.0 // indirect
	golang.org/x/text v0.14.0 // indirect
)
