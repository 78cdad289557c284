package cacheinval_test

import (
	"bytes"
	"encoding/gob"
	"fmt"
	"reflect"
	"testing"

	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/analysis/analysistest"

	"github.com/perfvet/perfvet/analyzers/cacheinval"
)

// Fact size bounds, in gob-encoded bytes: a function's fact holds at most
// a few dozen operations, a package's its families and links.
const (
	maxObjectFact  = 4 << 10
	maxPackageFact = 8 << 10
)

// TestFactsSerialize encodes every fact the fixtures produce with gob, as
// go vet -vettool and nogo do, checks that decoding gives them back, and
// bounds their size.
func TestFactsSerialize(t *testing.T) {
	results := analysistest.Run(quiet{}, analysistest.TestData(), cacheinval.New(defaultPlan()),
		"keys", "shop/store", "shop/cache", "shop/service", "stale", "gormlib", "redisrules")
	n, largest, largestWhat := 0, 0, ""
	for _, r := range results {
		if r.Action == nil {
			continue
		}
		for obj, facts := range r.Facts {
			for _, f := range facts {
				n++
				size := encodedSize(t, f)
				what, limit := "package "+r.Action.Package.PkgPath, maxPackageFact
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
	back := reflect.New(reflect.TypeOf(f).Elem()).Interface().(analysis.Fact)
	if err := gob.NewDecoder(&buf).Decode(back); err != nil {
		t.Fatalf("gob-decoding %T: %v", f, err)
	}
	if fmt.Sprint(back) != fmt.Sprint(f) {
		t.Errorf("fact changed through gob: %v, then %v", f, back)
	}
	return size
}

// quiet is an analysistest.Testing that ignores mismatched expectations:
// those are TestCacheinval's business.
type quiet struct{}

func (quiet) Errorf(string, ...any) {}
