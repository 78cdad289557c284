package knowledge

import (
	"go/types"

	"github.com/perfvet/perfvet/analyzers/internal/analysisutil"
)

// This file describes test libraries: mock libraries (testify's mock,
// gomock), whose doubles budget leaves out of a program's
// implementations, and the test frameworks whose import makes a file
// test support code for internal/lint.

// Mock libraries whose generated test doubles implement a program's
// interfaces beside the real implementations (mockery's testify mocks
// embed mock.Mock; gomock's hold a *gomock.Controller).
const (
	TestifyMock = "github.com/stretchr/testify/mock"
	GoMockUber  = "go.uber.org/mock/gomock"
	GoMock      = "github.com/golang/mock/gomock"
)

// TestFrameworks are the packages whose import makes a file test support
// code, though not named _test.go: a test database's seeding helpers
// (gotify's test/testdb), a ginkgo harness (navidrome's tests/harness), a
// harness that runs the service in containers (headscale's integration).
// Production code has no use for them; net/http/httptest is not among
// them, since handlers use its recorder in production too.
var TestFrameworks = map[string]bool{
	"testing":                             true,
	"github.com/stretchr/testify/assert":  true,
	"github.com/stretchr/testify/require": true,
	"github.com/stretchr/testify/suite":   true,
	"github.com/onsi/ginkgo":              true,
	"github.com/onsi/ginkgo/v2":           true,
	"github.com/onsi/gomega":              true,
	"gotest.tools/v3/assert":              true,
	// Containers started for integration tests (headscale's
	// integration/hsic and dsic harnesses).
	"github.com/ory/dockertest/v3":                true,
	"github.com/testcontainers/testcontainers-go": true,
}

// IsTestDouble reports whether a type (or what it points to) is a mock a
// mock library generated: a struct that embeds testify's mock.Mock or has
// a *gomock.Controller field. Such a type implements an interface for
// tests only; an estimate of what a call through the interface costs must
// not count it as one of the program's implementations.
func IsTestDouble(t types.Type) bool {
	if p, ok := types.Unalias(t).(*types.Pointer); ok {
		t = p.Elem()
	}
	st, ok := t.Underlying().(*types.Struct)
	if !ok {
		return false
	}
	for i := 0; i < st.NumFields(); i++ {
		f := st.Field(i)
		ft := f.Type()
		if f.Embedded() && analysisutil.IsNamed(ft, TestifyMock, "Mock") {
			return true
		}
		if analysisutil.IsNamed(ft, GoMockUber, "Controller") || analysisutil.IsNamed(ft, GoMock, "Controller") {
			return true
		}
	}
	return false
}
