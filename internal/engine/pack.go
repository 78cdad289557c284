package engine

import (
	"bytes"
	"crypto/sha256"
	"encoding/binary"
	"errors"
	"io"
	"os"
	"slices"
	"sync"

	"honnef.co/go/tools/lintcmd/cache"
)

// Packs. Most entries of a run are plain: a dependency's, with no facts
// and no findings (on the demo module, 268 of 307, most of them the
// standard library's), whose only content is its output hash. Each entry
// is two files of the cache (its output and its action entry), and on a
// cold run creating those files was most of what the cache cost (0.4 s
// of CPU in open(2) on the demo, 8% of the run). Plain entries are
// therefore written together, at the end of a run, as one pack: one
// output of the cache holding key → entry, listed in an index kept under
// a fixed key of the salt. A load looks in the packs the index lists
// (read at the run's first load), then in the cache's own entries.
//
// The index is rewritten by each run that adds a pack, the last writer
// winning: a pack lost to a concurrent writer is a miss for its packages
// the next time, which analyses them again. A corrupt pack or index is
// ignored like a corrupt entry. When the index lists maxPacks packs, the
// next pack merges them all into one.

const (
	packMagic  = storeFormat + " pack\n"
	indexMagic = storeFormat + " packs\n"
	// maxPacks bounds the packs a run reads: each run that writes plain
	// entries adds one.
	maxPacks = 16
)

// packs holds a Store's view of its packs.
type packs struct {
	load    sync.Once
	index   []cache.ActionID    // as read, newest first
	entries map[[32]byte][]byte // from the packs the index lists
	mu      sync.Mutex          // guards pending
	pending map[[32]byte][]byte // plain entries of this run
}

// plain reports whether an entry holds nothing but its output hash: a
// dependency's (no findings), with no facts.
func plain(e *entry) bool {
	if e.Diags != nil || e.External != nil || len(e.facts) > 0 {
		return false
	}
	for _, af := range e.Facts {
		if len(af.Objects) > 0 || len(af.Package) > 0 {
			return false
		}
	}
	return true
}

func (s *Store) indexKey() cache.ActionID {
	return sha256.Sum256(append([]byte("pack index\x00"), s.salt[:]...))
}

// packed returns the encoded entry a pack holds under key.
func (s *Store) packed(key [32]byte) ([]byte, bool) {
	p := &s.packs
	p.load.Do(func() {
		p.entries = make(map[[32]byte][]byte)
		data, _, err := cache.GetBytes(s.disk, s.indexKey())
		if err != nil {
			return
		}
		ids, err := decodeIndex(data)
		if err != nil {
			s.debugf("pack index: %v", err)
			return
		}
		p.index = ids
		// Oldest first, so that a newer pack's entry wins.
		for _, id := range slices.Backward(ids) {
			data, _, err := cache.GetBytes(s.disk, id)
			if err != nil {
				continue
			}
			if err := decodePack(data, p.entries); err != nil {
				s.debugf("pack: %v", err)
			}
		}
	})
	data, ok := p.entries[key]
	return data, ok
}

// addPlain keeps an encoded plain entry for the run's pack.
func (s *Store) addPlain(key [32]byte, data []byte) {
	p := &s.packs
	p.mu.Lock()
	defer p.mu.Unlock()
	if p.pending == nil {
		p.pending = make(map[[32]byte][]byte)
	}
	p.pending[key] = bytes.Clone(data)
}

// FlushPack writes the run's plain entries as a pack and adds it to the
// index; a failure is counted and ignored, like a failed entry.
func (s *Store) FlushPack() {
	p := &s.packs
	p.mu.Lock()
	pending := p.pending
	p.pending = nil
	p.mu.Unlock()
	if len(pending) == 0 {
		return
	}
	written := len(pending)
	s.packed([32]byte{}) // reads the index (and the packs) if this run has not
	index := p.index
	if len(index) >= maxPacks {
		// Merge: the entries of every listed pack, then this run's.
		merged := make(map[[32]byte][]byte, len(p.entries)+len(pending))
		for k, v := range p.entries {
			merged[k] = v
		}
		for k, v := range pending {
			merged[k] = v
		}
		pending, index = merged, nil
	}
	data := encodePack(pending)
	id := sha256.Sum256(append(append([]byte("pack\x00"), s.salt[:]...), data...))
	if err := s.put(id, data); err != nil {
		s.fails.Add(int64(written))
		return
	}
	index = append([]cache.ActionID{id}, index...)
	if err := s.put(s.indexKey(), encodeIndex(index)); err != nil {
		s.fails.Add(int64(written))
		return
	}
	p.index = index
	s.puts.Add(int64(written))
	s.debugf("pack of %d entries written; %d packs", len(pending), len(index))
}

// encodePack lays out entries by key: magic, count, then key, length and
// data of each, then the SHA-256 of all before it.
func encodePack(entries map[[32]byte][]byte) []byte {
	keys := make([][32]byte, 0, len(entries))
	for k := range entries {
		keys = append(keys, k)
	}
	slices.SortFunc(keys, func(a, b [32]byte) int { return bytes.Compare(a[:], b[:]) })
	b := []byte(packMagic)
	b = binary.AppendUvarint(b, uint64(len(keys)))
	for _, k := range keys {
		b = append(b, k[:]...)
		b = binary.AppendUvarint(b, uint64(len(entries[k])))
		b = append(b, entries[k]...)
	}
	sum := sha256.Sum256(b)
	return append(b, sum[:]...)
}

var errBadPack = errors.New("truncated or corrupt pack")

// decodePack adds the entries of a pack to into; a pack that is not whole
// adds nothing.
func decodePack(data []byte, into map[[32]byte][]byte) error {
	body, ok := checked(data, packMagic)
	if !ok {
		return errBadPack
	}
	n, k := binary.Uvarint(body)
	if k <= 0 {
		return errBadPack
	}
	body = body[k:]
	found := make(map[[32]byte][]byte, min(n, 1<<16))
	for range n {
		if len(body) < 32 {
			return errBadPack
		}
		key := [32]byte(body[:32])
		size, k := binary.Uvarint(body[32:])
		if k <= 0 || size > uint64(len(body)-32-k) {
			return errBadPack
		}
		body = body[32+k:]
		found[key] = body[:size:size]
		body = body[size:]
	}
	if len(body) != 0 {
		return errBadPack
	}
	for key, e := range found {
		into[key] = e
	}
	return nil
}

// packCount returns the number of entries of the pack in file, 0 if it
// holds no pack.
func packCount(file string) int {
	f, err := os.Open(file)
	if err != nil {
		return 0
	}
	defer func() { _ = f.Close() }() // read only
	head := make([]byte, len(packMagic)+binary.MaxVarintLen64)
	n, _ := io.ReadFull(f, head)
	rest, ok := bytes.CutPrefix(head[:n], []byte(packMagic))
	if !ok {
		return 0
	}
	count, k := binary.Uvarint(rest)
	if k <= 0 {
		return 0
	}
	return int(count)
}

func encodeIndex(ids []cache.ActionID) []byte {
	b := []byte(indexMagic)
	for _, id := range ids {
		b = append(b, id[:]...)
	}
	sum := sha256.Sum256(b)
	return append(b, sum[:]...)
}

func decodeIndex(data []byte) ([]cache.ActionID, error) {
	body, ok := checked(data, indexMagic)
	if !ok || len(body)%32 != 0 {
		return nil, errBadPack
	}
	ids := make([]cache.ActionID, 0, len(body)/32)
	for i := 0; i < len(body); i += 32 {
		ids = append(ids, cache.ActionID(body[i:i+32]))
	}
	return ids, nil
}

// checked returns what lies between magic and the trailing SHA-256 of
// everything before it, if the sum matches.
func checked(data []byte, magic string) ([]byte, bool) {
	if len(data) < len(magic)+32 || !bytes.HasPrefix(data, []byte(magic)) {
		return nil, false
	}
	n := len(data) - 32
	if sha256.Sum256(data[:n]) != [32]byte(data[n:]) {
		return nil, false
	}
	return data[len(magic):n], true
}
