module github.com/perfvet/perfvet/testdata/openslocheck

go 1.26.0

require github.com/OpenSLO/go-sdk v0.0.0

require (
	github.com/nobl9/govy v0.26.0 // indirect
	go.yaml.in/yaml/v2 v2.4.2 // indirect
	golang.org/x/mod v0.36.0 // indirect
	golang.org/x/sync v0.20.0 // indirect
	golang.org/x/tools v0.45.0 // indirect
	sigs.k8s.io/yaml v1.6.0 // indirect
)

// A copy of the SDK (third_party/go-sdk/PROVENANCE.md): the proxy refuses
// OpenSLO's modules.
replace github.com/OpenSLO/go-sdk => ./third_party/go-sdk
