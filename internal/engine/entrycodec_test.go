package engine

import (
	"reflect"
	"testing"
)

// TestEntryCodec checks that an entry's fields read back as written,
// nil slices and texts included, and that every truncation and a byte
// flipped anywhere are errors, never a panic.
func TestEntryCodec(t *testing.T) {
	sum := func(b byte) (s [32]byte) {
		for i := range s {
			s[i] = b + byte(i)
		}
		return s
	}
	e := &entry{
		Out: sum(1),
		Facts: []analyzerFacts{{
			Analyzer: "nplusone",
			Objects:  []objectFactData{{Path: "T.m0", Type: "*nplusone.queryFact", Sum: sum(2)}},
			Package:  []packageFactData{{Type: "*nplusone.implsFact", Sum: sum(3)}},
		}},
		Diags: []analyzerDiags{{
			Analyzer: "timeouts",
			Diags: []diagData{
				{
					Pos: posData{File: "a.go", Offset: 10}, End: posData{File: "a.go", Offset: 20},
					Category: "query", Message: "runs a query", URL: "https://example.com",
					Fixes: []fixData{{Message: "fix", Edits: []editData{
						{Pos: posData{File: "a.go", Offset: 10}, End: posData{File: "a.go", Offset: 10}, NewText: []byte("ctx, ")},
						{Pos: posData{File: "a.go", Offset: 12}, End: posData{File: "a.go", Offset: 14}, NewText: []byte{}},
						{Pos: posData{File: "a.go", Offset: 15}, End: posData{File: "a.go", Offset: 16}},
					}}},
					Related: []relatedData{{Pos: posData{File: "b.go", Offset: 3}, End: posData{}, Message: "here"}},
				},
				{Pos: posData{File: "a.go", Offset: -1}, Message: "no fixes"},
			},
		}},
		External: []fileDigest{{Name: "b.go", Hash: sum(4)}},
	}
	data := appendEntry(nil, e)
	got, err := readEntry(data)
	if err != nil {
		t.Fatal(err)
	}
	if !reflect.DeepEqual(got, e) {
		t.Errorf("read back\n%+v\nwant\n%+v", got, e)
	}
	for n := range len(data) {
		if _, err := readEntry(data[:n]); err == nil {
			t.Errorf("truncated to %d of %d bytes: no error", n, len(data))
		}
	}
	if _, err := readEntry(append(data, 0)); err == nil {
		t.Error("a trailing byte: no error")
	}
	for i := range data {
		bad := append([]byte{}, data...)
		bad[i] ^= 0xff
		_, _ = readEntry(bad) // must not panic
	}
	empty, err := readEntry(appendEntry(nil, &entry{}))
	if err != nil || len(empty.Facts) != 0 || len(empty.Diags) != 0 {
		t.Errorf("empty entry: %+v, %v", empty, err)
	}
}
