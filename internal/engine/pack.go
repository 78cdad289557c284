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

// Packs. A run's entries are written together, at its end, as one pack:
// one output of the cache holding key → entry, listed in an index kept
// under a fixed key of the salt. Each entry written on its own is two
// files of the cache (its output and its action entry), and on a cold run
// creating those files was most of what the cache cost: 0.4 s of CPU in
// open(2) on the demo module (307 packages, 8% of the run) and 0.7 s on
// the 1600-package module, on this project's machines. A load looks in the
// packs the index lists (read at the run's first load), and nowhere else.
//
// The index is read again just before a run rewrites it, and the run's
// pack is put first: a pack lost to a concurrent writer in between is a
// miss for its packages the next time, which analyses them again, never a
// wrong answer. A corrupt pack or index is ignored like a corrupt entry.
// When the index lists maxPacks packs, the next pack merges them all into
// one; past maxPackBytes, the merge keeps only the entries this run used
// or wrote, so that entries of keys no longer in use do not pile up (the
// cache's trimming, by the age of its files, sees the pack as one file).

const (
	packMagic  = storeFormat + " pack\n"
	indexMagic = storeFormat + " packs\n"
	// maxPacks bounds the packs a run reads: each run that writes
	// entries adds one.
	maxPacks = 16
	// maxPackBytes bounds a merged pack of entries of every age.
	maxPackBytes = 256 << 20
)

// packs holds a Store's view of its packs.
type packs struct {
	load    sync.Once
	index   []cache.ActionID    // as read, newest first
	entries map[[32]byte][]byte // from the packs the index lists
	mu      sync.Mutex          // guards pending and used
	pending map[[32]byte][]byte // entries of this run
	used    map[[32]byte]bool   // entries of the packs this run read
}

func (s *Store) indexKey() cache.ActionID {
	return sha256.Sum256(append([]byte("pack index\x00"), s.salt[:]...))
}

// readIndex returns the packs the index lists, newest first.
func (s *Store) readIndex() []cache.ActionID {
	data, _, err := cache.GetBytes(s.disk, s.indexKey())
	if err != nil {
		return nil
	}
	ids, err := decodeIndex(data)
	if err != nil {
		s.debugf("pack index: %v", err)
		return nil
	}
	return ids
}

// packed returns the encoded entry a pack holds under key.
func (s *Store) packed(key [32]byte) ([]byte, bool) {
	p := &s.packs
	p.load.Do(func() {
		p.entries = make(map[[32]byte][]byte)
		p.index = s.readIndex()
		// Oldest first, so that a newer pack's entry wins.
		for _, id := range slices.Backward(p.index) {
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
	if ok {
		p.mu.Lock()
		if p.used == nil {
			p.used = make(map[[32]byte]bool)
		}
		p.used[key] = true
		p.mu.Unlock()
	}
	return data, ok
}

// fresh reports whether the cache holds nothing for this salt: no pack
// index, so no run of this build with these flags has finished here (a
// first run, or the first after an upgrade).
func (s *Store) fresh() bool {
	s.packed([32]byte{}) // reads the index, once
	return len(s.packs.index) == 0
}

// add keeps an encoded entry for the run's pack.
func (s *Store) add(key [32]byte, data []byte) {
	p := &s.packs
	p.mu.Lock()
	defer p.mu.Unlock()
	if p.pending == nil {
		p.pending = make(map[[32]byte][]byte)
	}
	p.pending[key] = bytes.Clone(data)
}

// FlushPack writes the run's entries as a pack and adds it to the index;
// a failure is counted and ignored, as a failed entry was.
func (s *Store) FlushPack() {
	p := &s.packs
	p.mu.Lock()
	pending, used := p.pending, p.used
	p.pending = nil
	p.mu.Unlock()
	if len(pending) == 0 {
		return
	}
	written := len(pending)
	s.packed([32]byte{})   // reads the index and the packs, if this run has not
	index := s.readIndex() // as it is now: another run may have added a pack
	if len(index) >= maxPacks {
		// Merge: the entries of every listed pack this run read, then
		// this run's.
		merged := make(map[[32]byte][]byte, len(p.entries)+len(pending))
		size := 0
		for k, v := range p.entries {
			merged[k] = v
			size += len(v)
		}
		if size > maxPackBytes {
			for k := range merged {
				if !used[k] {
					delete(merged, k)
				}
			}
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
	index = append([]cache.ActionID{id}, slices.DeleteFunc(index, func(x cache.ActionID) bool { return x == id })...)
	if err := s.put(s.indexKey(), encodeIndex(index)); err != nil {
		s.fails.Add(int64(written))
		return
	}
	for k, v := range pending {
		p.entries[k] = v // a later run of this process finds them too
	}
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
