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
