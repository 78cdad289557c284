package analyzertest

import (
	"bytes"
	"encoding/gob"
	"fmt"
	"reflect"
	"testing"

	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/analysis/analysistest"
)

// RequireFactsSerialize encodes every fact of the analysed packages with
// gob, as go vet -vettool and nogo do, checks that decoding into a fresh
// value of the same type gives it back (what a per-package driver reads),
// and bounds its encoded size: maxObject bytes for an object's fact,
// maxPackage for a package's. It fails if the packages have no facts.
func RequireFactsSerialize(t *testing.T, results []*analysistest.Result, maxObject, maxPackage int) {
	t.Helper()
	n, largest, largestWhat := 0, 0, ""
	for _, r := range results {
		if r.Action == nil {
			continue
		}
		for obj, facts := range r.Facts {
			for _, f := range facts {
				n++
				size := encodedSize(t, f)
				what, limit := "package "+r.Action.Package.PkgPath, maxPackage
				if obj != nil {
					what, limit = fmt.Sprintf("%s.%s", r.Action.Package.PkgPath, obj.Name()), maxObject
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

// encodedSize returns the size of a fact gob-encoded, and checks that it
// decodes to the same fact.
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
