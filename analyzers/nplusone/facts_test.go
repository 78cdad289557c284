package nplusone_test

import (
	"bytes"
	"encoding/gob"
	"fmt"
	"reflect"
	"testing"

	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/analysis/analysistest"

	"github.com/perfvet/perfvet/analyzers/nplusone"
)

// Fact size bounds, in gob-encoded bytes. A function's fact names at
// most one read and one write, each with a chain of at most a few calls;
// a package's lists its types with their reaching methods.
const (
	maxObjectFact  = 1 << 10
	maxPackageFact = 8 << 10
)

// TestFactsSerialize encodes every fact the fixtures produce with gob, as
// go vet -vettool and nogo do, and bounds their size.
func TestFactsSerialize(t *testing.T) {
	// Expectations are TestNPlusOne's business; generated fixtures have
	// none, so their facts would be reported as unexpected here.
	results := analysistest.Run(quiet{}, analysistest.TestData(), nplusone.New(defaultConfig()),
		"store", "pg", "helper", "each", "closures", "goroutines", "handlers", "sqlcgen", "entgen/ent")
	largest, largestWhat := 0, ""
	n := 0
	for _, r := range results {
		if r.Action == nil {
			continue
		}
		for obj, facts := range r.Facts {
			for _, f := range facts {
				size := encodedSize(t, f)
				n++
				what := "package " + r.Action.Package.PkgPath
				limit := maxPackageFact
				if obj != nil {
					what, limit = fmt.Sprintf("%s.%s", r.Action.Package.PkgPath, obj.Name()), maxObjectFact
				}
				if size > limit {
					t.Errorf("fact of %s is %d bytes encoded, more than %d: %v", what, size, limit, f)
				}
				if size > largest {
					largest, largestWhat = size, what
				}
			}
		}
	}
	if n == 0 {
		t.Fatal("no facts")
	}
	t.Logf("%d facts; the largest, of %s, is %d bytes", n, largestWhat, largest)
}

func encodedSize(t *testing.T, f analysis.Fact) int {
	t.Helper()
	var buf bytes.Buffer
	if err := gob.NewEncoder(&buf).Encode(f); err != nil {
		t.Fatalf("gob-encoding %T: %v", f, err)
	}
	size := buf.Len()
	// Decoding into a fresh value of the same type must give the same
	// fact back: that is what a per-package driver reads.
	back := reflect.New(reflect.TypeOf(f).Elem()).Interface().(analysis.Fact)
	if err := gob.NewDecoder(&buf).Decode(back); err != nil {
		t.Fatalf("gob-decoding %T: %v", f, err)
	}
	if fmt.Sprint(back) != fmt.Sprint(f) {
		t.Errorf("fact changed through gob: %v, then %v", f, back)
	}
	return size
}

// quiet is an analysistest.Testing that ignores mismatched expectations.
type quiet struct{}

func (quiet) Errorf(string, ...any) {}
