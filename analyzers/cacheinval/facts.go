package cacheinval

import (
	"fmt"
	"go/token"
	"slices"
	"strings"
	"time"

	"github.com/perfvet/perfvet/analyzers/internal/flow"
	"github.com/perfvet/perfvet/analyzers/internal/reach"
)

// A summaryFact says what a function does, directly or through its
// callees, to caches and tables: the cache operations it performs, the
// tables it reads, the table rows it changes that no cached key family was
// known for yet, and, for a key builder, the shape of the key it returns.
// Callers in this package and in every package that imports it read it.
type summaryFact struct {
	Key   string   // a key builder's result: "product:*"
	Reads []string // tables it reads, normalised (tableName), sorted
	Ops   []Op
	Muts  []Mut
	// Scan: the function returns keys read back from the key space (a
	// Redis SCAN or KEYS), of this pattern.
	Scan *ScanKeys

	ids map[string]bool // identities of Ops, while the fact is built; not carried
}

// An Op is a cache operation a function performs.
type Op struct {
	Kind string // knowledge.CacheOpKind's String: write, delete, expire, persist, flush
	Lib  string
	// Key is the key's shape ("product:*", "*" if unknown); KeyParam, when
	// not -1, is instead the function's parameter (an SSA index, a
	// receiver counted) that gives the key, and Key what follows it ("":
	// the key is the parameter; "*": keys the parameter prefixes, a
	// delete by prefix).
	Key      string
	KeyParam int
	TTL      TTL
	// ValueParam is the parameter whose value is written, or -1.
	ValueParam int
	// Tables are the tables the written value was read from (a
	// read-through cache of those tables).
	Tables []string
	// Refills are the families written by the functions the value came
	// from: a value a read-through of the family returned is its cached
	// one (valueOrigin).
	Refills []string
	Posn    string // the cache call: "cache/catalog.go:61"
	Via     string // the calls from the function to it
	// Cache is the holder of an in-process cache (holderOf): the
	// package-level variable or struct field it was loaded from.
	Cache string
	// Prefix: the key is a pattern (a SCAN's MATCH) whose last '*' stands
	// for any run of the key, separators included: a delete by prefix.
	Prefix bool
	// Judged: key and TTL were known where the operation was found, and
	// the rules on its TTL were applied there.
	Judged bool

	pos token.Pos // where it is, in the package that found it; not carried
}

// TTL states.
const (
	ttlUnknown = iota // expires, how soon is not known
	ttlNever          // never expires
	ttlKnown          // expires after D
	ttlParam          // given by parameter Param, read per Mode
)

// A TTL is what an operation's expiry is known to be.
type TTL struct {
	State int
	D     time.Duration
	Param int
	Mode  uint8 // knowledge.TTLMode of the parameter
}

// A Mut is a change to the existing rows of a table.
type Mut struct {
	Table string
	Verb  string // UPDATE, DELETE, "GORM Save"...
	Posn  string
	Via   string
	// Func is the function that makes the change, Site its call; Owned
	// says that its package sees a family caching the table (a cache
	// with a TTL that no guard it sees asks to drop), so that the fix
	// goes there: a finding of a caller is reported at Site.
	Func  string
	Site  reach.Site
	Owned bool
}

func (*summaryFact) AFact() {}

func (f *summaryFact) String() string {
	var parts []string
	if f.Key != "" {
		parts = append(parts, "key "+f.Key)
	}
	if len(f.Reads) > 0 {
		parts = append(parts, "reads "+strings.Join(f.Reads, ","))
	}
	for _, o := range f.Ops {
		parts = append(parts, o.String())
	}
	for _, m := range f.Muts {
		parts = append(parts, "mutates "+m.Table)
	}
	if f.Scan != nil {
		parts = append(parts, fmt.Sprintf("scans %s", f.Scan))
	}
	return "cache(" + strings.Join(parts, "; ") + ")"
}

func (o Op) String() string {
	key := o.Key
	if o.KeyParam >= 0 {
		key = fmt.Sprintf("param%d", o.KeyParam) + o.Key
	}
	s := o.Kind + " " + key
	if o.Kind == "write" {
		switch o.TTL.State {
		case ttlNever:
			s += " ttl=none"
		case ttlKnown:
			s += " ttl=" + o.TTL.D.String()
		case ttlParam:
			s += fmt.Sprintf(" ttl=param%d", o.TTL.Param)
		}
	}
	if len(o.Tables) > 0 {
		s += " from " + strings.Join(o.Tables, ",")
	}
	if o.ValueParam >= 0 {
		s += fmt.Sprintf(" value=param%d", o.ValueParam)
	}
	return s
}

func (f *summaryFact) empty() bool {
	return f == nil || f.Key == "" && len(f.Reads) == 0 && len(f.Ops) == 0 && len(f.Muts) == 0 && f.Scan == nil
}

func (k *ScanKeys) String() string {
	if k.Param < 0 {
		return k.Pattern
	}
	return fmt.Sprintf("param%d%s", k.Param, k.Pattern)
}

// key identifies the fact's content, for the fixed point.
func (f *summaryFact) key() string {
	if f == nil {
		return ""
	}
	// What callers read of the operations (String), and which are judged
	// (a key-value store's write is judged once the store is decided):
	// finer differences do not change any caller's result and would only
	// cost more rounds of the fixed point.
	judged := make([]byte, len(f.Ops))
	for i, o := range f.Ops {
		judged[i] = '0'
		if o.Judged {
			judged[i] = '1'
		}
	}
	return fmt.Sprintf("%s|%v|%v|%v|%s|%v", f.Key, f.Reads, f.Ops, f.Muts, judged, f.Scan)
}

// maxOps bounds the operations a fact carries; a function that does more
// (a router, main) is not a cache path anyone calls.
const maxOps = 32

func (f *summaryFact) addOp(o Op) {
	if len(f.Ops) >= maxOps {
		return
	}
	id := o.identity()
	if f.ids == nil {
		f.ids = make(map[string]bool)
	}
	if f.ids[id] {
		return
	}
	f.ids[id] = true
	f.Ops = append(f.Ops, o)
}

// identity is what makes two operations the same for a caller.
func (o Op) identity() string {
	return fmt.Sprintf("%s|%s|%d|%d|%d|%d|%d|%v|%v|%s|%v|%v", o.Kind, o.Key, o.KeyParam, o.TTL.State, o.TTL.D, o.TTL.Param, o.ValueParam, o.Tables, o.Judged, o.Cache, o.Prefix, o.Refills)
}

func (f *summaryFact) addMut(m Mut) {
	for _, p := range f.Muts {
		if p.Table == m.Table {
			return
		}
	}
	f.Muts = append(f.Muts, m)
}

func (f *summaryFact) addReads(tables ...string) {
	for _, t := range tables {
		if t != "" && !slices.Contains(f.Reads, t) {
			f.Reads = append(f.Reads, t)
		}
	}
}

// normalize sorts what order of discovery should not decide.
func (f *summaryFact) normalize() {
	slices.Sort(f.Reads)
	if len(f.Ops) > 1 {
		type keyed struct {
			id string
			op Op
		}
		ks := make([]keyed, len(f.Ops))
		for i, o := range f.Ops {
			ks[i] = keyed{o.identity(), o}
		}
		slices.SortStableFunc(ks, func(a, b keyed) int { return strings.Compare(a.id, b.id) })
		for i := range ks {
			f.Ops[i] = ks[i].op
		}
	}
	f.ids = nil
	slices.SortStableFunc(f.Muts, func(a, b Mut) int { return strings.Compare(a.Table, b.Table) })
}

// A familiesFact is what a package does to key families as a whole: the
// families it deletes or expires anywhere (in any function, exported or
// not), and the tables its read-through writes cache. A package that
// imports it, directly or not, counts these when it asks whether a family
// is ever invalidated and which families a table's rows live in.
type familiesFact struct {
	Invalidated []string // key shapes; "*" for a key perfvet cannot shape
	// Prefixes are the patterns of keys it deletes by prefix (the keys a
	// SCAN matched): a '*' there matches any run, separators included.
	Prefixes []string
	// KeyDeleter: the package exports a helper that deletes the key of a
	// shared cache (Redis, memcache) its callers give: a store with a
	// delete, whose families are judged at the callers.
	KeyDeleter bool
	Links      []Link
	// Guards are the changes to a table's rows that drop or rewrite a
	// family caching it: they show the family must be invalidated.
	Guards []Guard
	// Reported are the families this package reported as never expiring:
	// one finding per family, not one per package that writes it.
	Reported []string
	// Sets are the in-process caches of the package whose values are only
	// compared (holders.go): no family of rows, wherever they are written.
	Sets []string
}

// A Guard is a path that changes a table's rows and invalidates a family
// caching it.
type Guard struct {
	Table  string
	Family string
	Func   string // the function on that path
	Posn   string // its delete, expiry or write of the family
}

// A Link says that a key family caches rows of a table.
type Link struct {
	Table  string
	Family string
	Posn   string // the cache write
	TTL    string // "none", or the TTL if known, or ""
	Cache  string // the holder of an in-process cache, or ""
}

func (*familiesFact) AFact() {}

func (f *familiesFact) String() string {
	var parts []string
	if len(f.Invalidated) > 0 {
		parts = append(parts, "invalidates "+strings.Join(f.Invalidated, ","))
	}
	if len(f.Prefixes) > 0 {
		parts = append(parts, "invalidates by prefix "+strings.Join(f.Prefixes, ","))
	}
	if f.KeyDeleter {
		parts = append(parts, "deletes its callers' keys")
	}
	for _, l := range f.Links {
		parts = append(parts, l.Table+"→"+l.Family)
	}
	for _, g := range f.Guards {
		parts = append(parts, "guard "+g.Table+"→"+g.Family)
	}
	if len(f.Reported) > 0 {
		parts = append(parts, "reported "+strings.Join(f.Reported, ","))
	}
	if len(f.Sets) > 0 {
		parts = append(parts, "sets "+strings.Join(f.Sets, ","))
	}
	return "families(" + strings.Join(parts, "; ") + ")"
}

func (f *familiesFact) addInvalidated(shape string) {
	if !slices.Contains(f.Invalidated, shape) {
		f.Invalidated = append(f.Invalidated, shape)
	}
}

func (f *familiesFact) addPrefix(shape string) {
	if !slices.Contains(f.Prefixes, shape) {
		f.Prefixes = append(f.Prefixes, shape)
	}
}

func (f *familiesFact) addLink(l Link) {
	for _, p := range f.Links {
		if p.Table == l.Table && p.Family == l.Family {
			return
		}
	}
	f.Links = append(f.Links, l)
}

func (f *familiesFact) addGuard(g Guard) {
	for _, p := range f.Guards {
		if p.Table == g.Table && p.Family == g.Family {
			return
		}
	}
	f.Guards = append(f.Guards, g)
}

func (f *familiesFact) normalize() {
	slices.Sort(f.Invalidated)
	slices.Sort(f.Prefixes)
	slices.Sort(f.Reported)
	slices.SortFunc(f.Guards, func(a, b Guard) int {
		if c := strings.Compare(a.Table, b.Table); c != 0 {
			return c
		}
		return strings.Compare(a.Family, b.Family)
	})
	slices.SortFunc(f.Links, func(a, b Link) int {
		if c := strings.Compare(a.Table, b.Table); c != 0 {
			return c
		}
		return strings.Compare(a.Family, b.Family)
	})
}

// chain prefixes a callee to the chain of calls below it.
func chain(step, below string) string { return flow.Chain(step, below) }
