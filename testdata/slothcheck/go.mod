module github.com/perfvet/perfvet/testdata/slothcheck

go 1.26.0

require (
	github.com/goccy/go-yaml v1.19.2
	github.com/slok/sloth v0.16.0
)
