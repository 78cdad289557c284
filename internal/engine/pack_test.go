package engine

import (
	"bytes"
	"crypto/sha256"
	"fmt"
	"testing"
)

// A pack decodes to what was encoded; a pack cut short, with a byte
// changed, or with a byte added decodes to nothing.
func TestPackCodec(t *testing.T) {
	entries := map[[32]byte][]byte{}
	for i := range 5 {
		entries[sha256.Sum256(fmt.Appendf(nil, "k%d", i))] = bytes.Repeat([]byte{byte(i)}, i*10)
	}
	data := encodePack(entries)
	got := map[[32]byte][]byte{}
	if err := decodePack(data, got); err != nil || len(got) != len(entries) {
		t.Fatalf("decodePack = %d entries, %v; want %d", len(got), err, len(entries))
	}
	for k, v := range entries {
		if !bytes.Equal(got[k], v) {
			t.Errorf("entry %x = %q, want %q", k[:4], got[k], v)
		}
	}
	bad := make([][]byte, 0, 1+2*len(data))
	bad = append(bad, append(bytes.Clone(data), 0))
	for n := range len(data) {
		bad = append(bad, data[:n])
		flipped := bytes.Clone(data)
		flipped[n] ^= 0x40
		bad = append(bad, flipped)
	}
	for i, b := range bad {
		into := map[[32]byte][]byte{}
		if err := decodePack(b, into); err == nil || len(into) != 0 {
			t.Fatalf("bad pack %d: %d entries, %v; want an error and none", i, len(into), err)
		}
	}
	if _, err := decodeIndex(encodeIndex(nil)[1:]); err == nil {
		t.Error("decodeIndex accepted an index cut short")
	}
}

// Entries written over more runs than maxPacks are all found by a later
// run: the packs are merged, not dropped.
func TestPacksMerge(t *testing.T) {
	dir := t.TempDir()
	keys := make([][32]byte, 0, 3*(maxPacks+3))
	for run := range maxPacks + 3 {
		s, err := OpenStore(dir, []byte("salt"))
		if err != nil {
			t.Fatal(err)
		}
		for i := range 3 {
			k := sha256.Sum256(fmt.Appendf(nil, "run %d entry %d", run, i))
			keys = append(keys, k)
			s.store(k, &entry{Out: k, Facts: []analyzerFacts{{Analyzer: "nplusone"}}})
		}
		s.FlushPack()
		if n := len(s.readIndex()); n > maxPacks {
			t.Fatalf("run %d: %d packs listed, want at most %d", run, n, maxPacks)
		}
		if st := s.Stats(); st.Writes != 3 || st.FailedWrites != 0 {
			t.Fatalf("run %d: %+v, want 3 writes", run, st)
		}
		_ = s.Close()
	}
	s, err := OpenStore(dir, []byte("salt"))
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	for _, k := range keys {
		e := s.load(k)
		if e == nil || e.Out != k {
			t.Fatalf("entry %x not found after %d runs", k[:4], maxPacks+3)
		}
	}
	// A second run in the same process finds what the first wrote.
	k := sha256.Sum256([]byte("same process"))
	s.store(k, &entry{Out: k})
	s.FlushPack()
	if e := s.load(k); e == nil || e.Out != k {
		t.Errorf("an entry flushed by this store is not found by its next load")
	}
}
