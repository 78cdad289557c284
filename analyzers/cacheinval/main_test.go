package cacheinval_test

import (
	"os"
	"testing"

	"github.com/perfvet/perfvet/internal/testgc"
)

// TestMain sets the garbage collector for the fixture loads (testgc).
func TestMain(m *testing.M) {
	os.Exit(testgc.Main(m))
}
