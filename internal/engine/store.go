package engine

import (
	"bytes"
	"crypto/sha256"
	"encoding/binary"
	"encoding/gob"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"sync/atomic"

	"golang.org/x/tools/go/analysis"
	"honnef.co/go/tools/lintcmd/cache"
)

// A Store is the persistent result cache of the command: per package, the
// diagnostics and facts of one analysis, under a key that hashes
// everything that can change them (see View.key). It is the go command's
// build cache as staticcheck forked it (honnef.co/go/tools/lintcmd/cache):
// action IDs index outputs named by their SHA-256, written atomically,
// trimmed of entries unused for days. Reading an entry checks its
// checksum; an entry that is missing, truncated, corrupt or of another
// format is a miss, never an error. A failed write is ignored (the run
// still has its results); the next run analyses the package again.
//
// A Store is safe for concurrent use, and several processes may share its
// directory (the cache coordinates them).
type Store struct {
	dir   string
	disk  cache.Cache
	salt  [32]byte
	hits  atomic.Int64
	miss  atomic.Int64
	puts  atomic.Int64
	fails atomic.Int64
	// listHits and listPuts count go list answers read from and written
	// to the cache.
	listHits, listPuts atomic.Int64
	debug              bool

	// put stores data; tests replace it to fail like a full disk.
	put func(key cache.ActionID, data []byte) error

	packs packs // a run's entries, written together (pack.go)
}

// storeFormat changes whenever the encoding of an entry or of a key does.
const storeFormat = "perfvet-result-cache-v2"

// OpenStore opens (creating it if needed) the cache in dir. salt is mixed
// into every key: perfvet's build, the analyzers and their flags,
// everything about the run that is the same for every package.
func OpenStore(dir string, salt []byte) (*Store, error) {
	if err := os.MkdirAll(dir, 0o777); err != nil {
		return nil, fmt.Errorf("result cache: %w", err)
	}
	readme := filepath.Join(dir, "README")
	if _, err := os.Stat(readme); errors.Is(err, fs.ErrNotExist) {
		// Best effort, like the go command's cache.
		_ = os.WriteFile(readme, []byte("This directory holds cached analysis results from perfvet (perfvet cache clean removes them).\n"), 0o666)
	}
	disk, err := cache.Open(dir)
	if err != nil {
		return nil, fmt.Errorf("result cache: %w", err)
	}
	s := &Store{dir: dir, disk: disk, debug: os.Getenv("PERFVET_CACHE_DEBUG") != ""}
	h := sha256.New()
	h.Write([]byte(storeFormat))
	h.Write(salt)
	h.Sum(s.salt[:0])
	s.put = func(key cache.ActionID, data []byte) error { return cache.PutBytes(s.disk, key, data) }
	return s, nil
}

// debugf reports what the cache does, when PERFVET_CACHE_DEBUG is set.
func (s *Store) debugf(format string, args ...any) {
	if s.debug {
		fmt.Fprintf(os.Stderr, "perfvet: result cache: "+format+"\n", args...)
	}
}

// Dir returns the cache's directory.
func (s *Store) Dir() string { return s.dir }

// Close trims the cache of entries unused for days (at most once a day).
func (s *Store) Close() error { return s.disk.Close() }

// StoreStats counts what a run did with the cache.
type StoreStats struct {
	Hits, Misses, Writes, FailedWrites int64
	// MetadataHits and MetadataWrites count go list answers read from
	// and written to the cache (see listcache.go).
	MetadataHits, MetadataWrites int64
}

// Stats returns the counts so far.
func (s *Store) Stats() StoreStats {
	return StoreStats{s.hits.Load(), s.miss.Load(), s.puts.Load(), s.fails.Load(), s.listHits.Load(), s.listPuts.Load()}
}

// FailWrites makes every later write fail with err, as a full disk would
// (for tests).
func (s *Store) FailWrites(err error) {
	s.put = func(cache.ActionID, []byte) error { return err }
}

// load returns the entry stored under key, or nil: a missing, truncated or
// corrupt entry, or one of another format, is a miss.
func (s *Store) load(key [32]byte) *entry {
	// Only the packs: entries are written nowhere else, and an entry
	// written on its own by a perfvet before packs has a key of another
	// build (the salt identifies perfvet's executable), so looking for one
	// would cost a failed open per package of a cold run.
	data, ok := s.packed(key)
	if !ok {
		s.miss.Add(1)
		return nil
	}
	e, err := decodeEntry(data)
	if err != nil {
		s.miss.Add(1)
		return nil
	}
	return e
}

// loadBytes returns the answer stored under key by storeBytes.
func (s *Store) loadBytes(key [32]byte) ([]byte, error) {
	data, _, err := cache.GetBytes(s.disk, s.rawKey(key))
	return data, err
}

// storeBytes stores go list's answer under key (in a space of keys apart
// from the entries'); a failure is counted and ignored.
func (s *Store) storeBytes(key [32]byte, data []byte) {
	if err := s.put(s.rawKey(key), data); err != nil {
		s.fails.Add(1)
		return
	}
	s.listPuts.Add(1)
}

func (s *Store) rawKey(key [32]byte) cache.ActionID {
	b := append([]byte("raw\x00"), s.salt[:]...)
	return sha256.Sum256(append(b, key[:]...))
}

// store keeps the entry under key for the run's pack (FlushPack); a
// failure is counted and ignored.
func (s *Store) store(key [32]byte, e *entry) {
	sc, _ := scratchPool.Get().(*entryScratch)
	if sc == nil {
		sc = new(entryScratch)
	}
	defer scratchPool.Put(sc)
	data, err := sc.encode(e)
	if err != nil {
		s.fails.Add(1)
		return
	}
	s.add(key, data) // written with the run's pack, and counted then (pack.go)
}

// An entry is what one analysis of one package left: the facts its
// importers read, the findings (of a workspace package), and the files
// outside the package that the findings point into, with the hash of their
// content then.
type entry struct {
	Out      [32]byte // hash of the package's exported API and facts
	Facts    []analyzerFacts
	Diags    []analyzerDiags
	External []fileDigest

	// The facts' values, in the order Facts lists them: to write
	// (facts), or as read (factData, one gob stream that installFacts
	// decodes). One stream per entry sends each fact type's description
	// once, not once per fact.
	facts    []analysis.Fact
	factData []byte
}

type analyzerFacts struct {
	Analyzer string
	Objects  []objectFactData
	Package  []packageFactData
}

type objectFactData struct {
	Path string   // objectpath of the object
	Type string   // the fact's type
	Sum  [32]byte // hash of its value (see factSum)
}

type packageFactData struct {
	Type string
	Sum  [32]byte
}

type analyzerDiags struct {
	Analyzer string
	Diags    []diagData
}

// diagData is an analysis.Diagnostic with positions as file offsets.
type diagData struct {
	Pos, End          posData
	Category, Message string
	URL               string
	Fixes             []fixData
	Related           []relatedData
}

type posData struct {
	File   string // "" = token.NoPos
	Offset int
}

type fixData struct {
	Message string
	Edits   []editData
}

type editData struct {
	Pos, End posData
	NewText  []byte
}

type relatedData struct {
	Pos, End posData
	Message  string
}

type fileDigest struct {
	Name string
	Hash [32]byte
}

// entryMagic starts every encoded entry; the lengths and checksum after
// it make a truncated or altered entry a miss even where the cache's own
// checksum would not see it (an entry written by another perfvet). Then
// come the entry's fields (entrycodec.go) and the gob stream of its
// facts' values.
var entryMagic = []byte(storeFormat + "\n")

// entryScratch holds the buffers of an entry's encoding, reused from one
// entry to the next: a cold run writes one entry per package.
type entryScratch struct {
	body  []byte
	facts bytes.Buffer
	out   []byte
}

var scratchPool sync.Pool

// encode returns the encoding of e, in sc's buffers: valid until sc's
// next use.
func (sc *entryScratch) encode(e *entry) ([]byte, error) {
	sc.body = appendEntry(sc.body[:0], e)
	sc.facts.Reset()
	enc := gob.NewEncoder(&sc.facts)
	for _, f := range e.facts {
		if err := enc.Encode(f); err != nil {
			return nil, fmt.Errorf("fact %T: %w", f, err)
		}
	}
	h := sha256.New()
	h.Write(sc.body)
	h.Write(sc.facts.Bytes())
	sc.out = append(sc.out[:0], entryMagic...)
	sc.out = binary.BigEndian.AppendUint64(sc.out, uint64(len(sc.body)))
	sc.out = binary.BigEndian.AppendUint64(sc.out, uint64(sc.facts.Len()))
	sc.out = h.Sum(sc.out)
	sc.out = append(sc.out, sc.body...)
	sc.out = append(sc.out, sc.facts.Bytes()...)
	return sc.out, nil
}

func decodeEntry(data []byte) (*entry, error) {
	rest, ok := bytes.CutPrefix(data, entryMagic)
	if !ok || len(rest) < 48 {
		return nil, errors.New("not a perfvet result")
	}
	nb, nf := binary.BigEndian.Uint64(rest[:8]), binary.BigEndian.Uint64(rest[8:16])
	payload := rest[48:]
	if nb > uint64(len(payload)) || uint64(len(payload))-nb != nf || sha256.Sum256(payload) != [32]byte(rest[16:48]) {
		return nil, errors.New("truncated or corrupt result")
	}
	e, err := readEntry(payload[:nb])
	if err != nil {
		return nil, err
	}
	e.factData = payload[nb:]
	return e, nil
}

// StoreInfo describes the cache directory, for perfvet cache stats.
type StoreInfo struct {
	Entries int   // action entries
	Outputs int   // output files
	Packed  int   // entries held in packs (pack.go), of every salt
	Packs   int   // outputs that are packs
	Bytes   int64 // total size of both
}

// Inspect counts the entries of the cache in dir.
func Inspect(dir string) (StoreInfo, error) {
	var info StoreInfo
	err := filepath.WalkDir(dir, func(path string, d fs.DirEntry, err error) error {
		if err != nil {
			if errors.Is(err, fs.ErrNotExist) {
				return nil
			}
			return err
		}
		if d.IsDir() {
			return nil
		}
		switch {
		case strings.HasSuffix(path, "-a"):
			info.Entries++
		case strings.HasSuffix(path, "-d"):
			info.Outputs++
			if n := packCount(path); n > 0 {
				info.Packed += n
				info.Packs++
			}
		default:
			return nil
		}
		if fi, err := d.Info(); err == nil {
			info.Bytes += fi.Size()
		}
		return nil
	})
	return info, err
}

// Clean removes every entry of the cache in dir, its subdirectories,
// README and trim stamp, then dir itself unless other files are left in
// it (which Clean does not touch).
func Clean(dir string) error {
	for i := range 256 {
		if err := os.RemoveAll(filepath.Join(dir, fmt.Sprintf("%02x", i))); err != nil {
			return fmt.Errorf("cleaning the result cache: %w", err)
		}
	}
	for _, name := range []string{"README", "trim.txt"} {
		if err := os.Remove(filepath.Join(dir, name)); err != nil && !errors.Is(err, fs.ErrNotExist) {
			return fmt.Errorf("cleaning the result cache: %w", err)
		}
	}
	_ = os.Remove(dir) // fails if the user keeps other files there: they stay
	return nil
}
