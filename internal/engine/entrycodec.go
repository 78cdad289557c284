package engine

import (
	"encoding/binary"
	"errors"
)

// The entry's own fields are written in a plain binary form (varint
// lengths and numbers, strings and byte slices as length and bytes): a
// gob encoder of its own per entry would send the description of its
// eleven types with every entry, which cost more than the entry on a cold
// run of the 1600-package module. The facts' values stay in gob (their
// types are the analyzers'), in one stream per entry.

type entryWriter struct{ b []byte }

func (w *entryWriter) uint(n uint64)  { w.b = binary.AppendUvarint(w.b, n) }
func (w *entryWriter) int(n int)      { w.b = binary.AppendVarint(w.b, int64(n)) }
func (w *entryWriter) bytes(p []byte) { w.uint(uint64(len(p))); w.b = append(w.b, p...) }
func (w *entryWriter) str(s string)   { w.uint(uint64(len(s))); w.b = append(w.b, s...) }
func (w *entryWriter) sum(s [32]byte) { w.b = append(w.b, s[:]...) }
func (w *entryWriter) pos(p posData)  { w.str(p.File); w.int(p.Offset) }
func (w *entryWriter) count(n int)    { w.uint(uint64(n)) }
func (w *entryWriter) bool(b bool) {
	if b {
		w.b = append(w.b, 1)
	} else {
		w.b = append(w.b, 0)
	}
}

// appendEntry appends the binary form of e's fields (not its facts'
// values) to b.
func appendEntry(b []byte, e *entry) []byte {
	w := &entryWriter{b: b}
	w.sum(e.Out)
	w.count(len(e.Facts))
	for _, af := range e.Facts {
		w.str(af.Analyzer)
		w.count(len(af.Objects))
		for _, o := range af.Objects {
			w.str(o.Path)
			w.str(o.Type)
			w.sum(o.Sum)
		}
		w.count(len(af.Package))
		for _, p := range af.Package {
			w.str(p.Type)
			w.sum(p.Sum)
		}
	}
	w.count(len(e.Diags))
	for _, ad := range e.Diags {
		w.str(ad.Analyzer)
		w.count(len(ad.Diags))
		for _, d := range ad.Diags {
			w.pos(d.Pos)
			w.pos(d.End)
			w.str(d.Category)
			w.str(d.Message)
			w.str(d.URL)
			w.count(len(d.Fixes))
			for _, f := range d.Fixes {
				w.str(f.Message)
				w.count(len(f.Edits))
				for _, ed := range f.Edits {
					w.pos(ed.Pos)
					w.pos(ed.End)
					w.bool(ed.NewText != nil)
					w.bytes(ed.NewText)
				}
			}
			w.count(len(d.Related))
			for _, r := range d.Related {
				w.pos(r.Pos)
				w.pos(r.End)
				w.str(r.Message)
			}
		}
	}
	w.count(len(e.External))
	for _, x := range e.External {
		w.str(x.Name)
		w.sum(x.Hash)
	}
	return w.b
}

var errBadEntry = errors.New("malformed result")

// entryReader reads what entryWriter wrote. The first error sticks; every
// length is checked against what is left, so that malformed input yields
// an error, never a panic or a huge allocation.
type entryReader struct {
	b   []byte
	err error
}

func (r *entryReader) fail() { r.err, r.b = errBadEntry, nil }

func (r *entryReader) uint() uint64 {
	n, k := binary.Uvarint(r.b)
	if k <= 0 {
		r.fail()
		return 0
	}
	r.b = r.b[k:]
	return n
}

func (r *entryReader) int() int {
	n, k := binary.Varint(r.b)
	if k <= 0 {
		r.fail()
		return 0
	}
	r.b = r.b[k:]
	return int(n)
}

func (r *entryReader) next(n uint64) []byte {
	if n > uint64(len(r.b)) {
		r.fail()
		return nil
	}
	p := r.b[:n:n]
	r.b = r.b[n:]
	return p
}

func (r *entryReader) str() string { return string(r.next(r.uint())) }
func (r *entryReader) sum() (s [32]byte) {
	copy(s[:], r.next(32))
	return s
}
func (r *entryReader) pos() posData { return posData{File: r.str(), Offset: r.int()} }
func (r *entryReader) bool() bool   { p := r.next(1); return len(p) == 1 && p[0] == 1 }

// count reads a number of elements, each of which takes at least one
// byte.
func (r *entryReader) count() int {
	n := r.uint()
	if n > uint64(len(r.b)) {
		r.fail()
		return 0
	}
	return int(n)
}

func (r *entryReader) bytes() []byte { return append([]byte{}, r.next(r.uint())...) }

// readEntry reads the fields appendEntry wrote, all of b.
func readEntry(b []byte) (*entry, error) {
	r := &entryReader{b: b}
	e := &entry{Out: r.sum()}
	e.Facts = make([]analyzerFacts, r.count())
	for i := range e.Facts {
		af := &e.Facts[i]
		af.Analyzer = r.str()
		af.Objects = make([]objectFactData, r.count())
		for j := range af.Objects {
			af.Objects[j] = objectFactData{Path: r.str(), Type: r.str(), Sum: r.sum()}
		}
		af.Package = make([]packageFactData, r.count())
		for j := range af.Package {
			af.Package[j] = packageFactData{Type: r.str(), Sum: r.sum()}
		}
	}
	e.Diags = make([]analyzerDiags, r.count())
	for i := range e.Diags {
		ad := &e.Diags[i]
		ad.Analyzer = r.str()
		ad.Diags = make([]diagData, r.count())
		for j := range ad.Diags {
			d := &ad.Diags[j]
			d.Pos, d.End = r.pos(), r.pos()
			d.Category, d.Message, d.URL = r.str(), r.str(), r.str()
			if n := r.count(); n > 0 {
				d.Fixes = make([]fixData, n)
			}
			for k := range d.Fixes {
				f := &d.Fixes[k]
				f.Message = r.str()
				if n := r.count(); n > 0 {
					f.Edits = make([]editData, n)
				}
				for m := range f.Edits {
					ed := &f.Edits[m]
					ed.Pos, ed.End = r.pos(), r.pos()
					nonNil := r.bool()
					ed.NewText = r.bytes()
					if !nonNil {
						ed.NewText = nil
					}
				}
			}
			if n := r.count(); n > 0 {
				d.Related = make([]relatedData, n)
			}
			for k := range d.Related {
				rd := &d.Related[k]
				rd.Pos, rd.End = r.pos(), r.pos()
				rd.Message = r.str()
			}
		}
	}
	e.External = make([]fileDigest, r.count())
	for i := range e.External {
		e.External[i] = fileDigest{Name: r.str(), Hash: r.sum()}
	}
	if r.err == nil && len(r.b) != 0 {
		r.fail()
	}
	if r.err != nil {
		return nil, r.err
	}
	return e, nil
}
