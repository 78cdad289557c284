package lint

import "testing"

// TestTestHelperPackage checks the package names taken as test support:
// Go's convention and the mock generators' names, not names that merely
// contain them.
func TestTestHelperPackage(t *testing.T) {
	for name, want := range map[string]bool{
		"httptest": true, "testutil": true, "testhelpers": true, "integrationtests": true, "tests": true,
		"mocks": true, "mock": true, "mock_store": true, "storefakes": true, "fake": true,
		"store": false, "hammock": false, "mockingbird": false, "fakery": false,
		"latest": false, "contests": false,
	} {
		if got := isTestHelperPackage(name); got != want {
			t.Errorf("isTestHelperPackage(%q) = %v, want %v", name, got, want)
		}
	}
}

// TestDevPackage checks the directories taken as development tooling, and
// that a library directory named tools is not one of them.
func TestDevPackage(t *testing.T) {
	for path, want := range map[string]bool{
		"github.com/target/goalert/devtools/mockslack":            true,
		"k8s.io/kubernetes/hack/tools":                            true,
		"example.com/svc/examples/publish":                        true,
		"github.com/pocketbase/pocketbase/tools/store":            false,
		"example.com/devtoolsapi":                                 false,
		"example.com/svc/internal/hacker":                         false,
		"example.com/svc/integration/agentcompat/internal/client": true,
		"example.com/svc/test/integration":                        true,
		"example.com/svc/test/mockindexer":                        true,
		"example.com/svc/tests/fixtures":                          true,
		"example.com/svc/internal/test":                           false,
		"example.com/svc/server/subsonic/e2e":                     true,
		"example.com/svc/internal/integration":                    false,
		"example.com/svc/internal/web/service/integration":        false,
		"example.com/svc/integrations/slack":                      false,
		"example.com/svc/cmd/dendrite-demo-pinecone":              true,
		"example.com/svc/cmd/demoData":                            true,
		"example.com/svc/internal/demographics":                   false,
		"example.com/svc/pkg/demon":                               false,
	} {
		if got := isDevPackage(path, "example.com/svc"); got != want {
			t.Errorf("isDevPackage(%q) = %v, want %v", path, got, want)
		}
	}
	// A module named e2e is not test code: the names are looked for
	// inside the module.
	if isDevPackage("example.com/e2e/api", "example.com/e2e") {
		t.Errorf("isDevPackage(%q) in module example.com/e2e = true, want false", "example.com/e2e/api")
	}
}

// TestTestSupportFunc checks the function names taken as test support.
func TestTestSupportFunc(t *testing.T) {
	for name, want := range map[string]bool{
		"NewTestAppClient": true, "NewTest": true, "newTestServer": true, "NewTestingStore": true,
		"RegisterNodeForTest": true, "ResetForTests": true, "unregisterForTesting": true,
		"NewTestament": false, "SendTestEmail": false, "TestConnection": false, "ForTest": false,
		"NewTesting": true, "NewTestingx": false,
	} {
		if got := isTestSupportFunc(name); got != want {
			t.Errorf("isTestSupportFunc(%q) = %v, want %v", name, got, want)
		}
	}
}

// TestDependencyFile checks the files taken as a dependency's source: the
// module cache, GOROOT and vendored copies, not the module's own files
// whose names merely resemble them.
func TestDependencyFile(t *testing.T) {
	roots := []string{"/home/u/go/pkg/mod", "/usr/local/go/src"}
	for name, want := range map[string]bool{
		"/home/u/go/pkg/mod/github.com/go-graphite/carbonapi@v0.17.0/expr/functions/aliasByPostgres/function.go": true,
		"/usr/local/go/src/net/http/client.go":                 true,
		"/work/svc/vendor/github.com/lib/pq/conn.go":           true,
		"/work/svc/internal/store/user.go":                     false,
		"/home/u/go/pkg/modules/store.go":                      false,
		"/work/svc/internal/vendors/store.go":                  false,
		"/work/svc/internal/store/vendor.go":                   false,
		"/usr/local/go/srcpkg/x.go":                            false,
		"/home/u/go/pkg/mod/../../src/example.com/svc/main.go": false,
	} {
		if got := dependencyFile(name, roots); got != want {
			t.Errorf("dependencyFile(%q) = %v, want %v", name, got, want)
		}
	}
}
