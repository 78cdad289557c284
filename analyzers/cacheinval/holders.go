package cacheinval

import (
	"go/token"
	"go/types"
	"slices"
	"strings"

	"golang.org/x/tools/go/ssa"

	"github.com/perfvet/perfvet/analyzers/internal/analysisutil"
	"github.com/perfvet/perfvet/analyzers/internal/flow"
	"github.com/perfvet/perfvet/analyzers/internal/knowledge"
)

// This file gives in-process caches their identity. A Redis key lives in
// one key space shared by every client, so a family is the shape of its
// keys. An in-process cache is its own key space, and its keys are often
// not strings with a shape (an int64 id, a struct): such a family is the
// cache itself, named by the package-level variable or the struct field
// that holds it ("{example.com/shop/svc.Service.users}*"), the
// *types.Var of the cache, written as a string so that facts can carry
// it.

// holderOf returns the identity of the package-level variable or struct
// field a cache value was loaded from, or of the program's function that
// returned it, or "" for a local or a parameter.
func holderOf(v ssa.Value) string {
	for range maxDepth {
		switch x := flow.Unconvert(v).(type) {
		case *ssa.UnOp:
			if x.Op != token.MUL {
				return ""
			}
			v = x.X
		case *ssa.ChangeInterface:
			v = x.X
		case *ssa.FieldAddr:
			return fieldID(x.X.Type(), x.Field)
		case *ssa.Field:
			return fieldID(x.X.Type(), x.Field)
		case *ssa.Global:
			if x.Pkg == nil || x.Pkg.Pkg == nil {
				return ""
			}
			return x.Pkg.Pkg.Path() + "." + x.Name()
		case *ssa.Call:
			// An accessor of the program's (cacheSites(ctx) returning the
			// cache kept in the context) gives the same cache each time.
			fn := staticCallee(x.Common())
			if fn == nil || fn.Pkg() == nil || isLibrary(fn.Pkg().Path()) {
				return ""
			}
			return fn.FullName() + "()"
		default:
			return ""
		}
	}
	return ""
}

// fieldID names field i of a named struct type (or a pointer to one):
// "pkgpath.Type.field".
func fieldID(t types.Type, i int) string {
	named, ok := types.Unalias(analysisutil.Deref(t)).(*types.Named)
	if !ok {
		return ""
	}
	st, ok := named.Underlying().(*types.Struct)
	obj := named.Origin().Obj()
	if !ok || i < 0 || i >= st.NumFields() || obj.Pkg() == nil {
		return ""
	}
	return obj.Pkg().Path() + "." + obj.Name() + "." + st.Field(i).Name()
}

// familyKey is the family of an in-process cache's key: its shape when it
// has one ("user:*"), else the cache that holds it ("{holder}*").
func familyKey(shape, holder string) string {
	if holder == "" || isFamily(shape) {
		return shape
	}
	return "{" + holder + "}*"
}

// holderFamily returns the holder of a family named by its cache, or "".
func holderFamily(fam string) string {
	if !strings.HasPrefix(fam, "{") {
		return ""
	}
	h, _, ok := strings.Cut(fam[1:], "}")
	if !ok {
		return ""
	}
	return h
}

// holderKeyParam drops the parameter a key comes from when the key is not
// a string and the cache has a holder: no caller can give it a shape, so
// its family is the cache, known here.
func holderKeyParam(key ssa.Value, param int, holder string) int {
	if param < 0 || holder == "" || isStringType(flow.Unconvert(key).Type()) {
		return param
	}
	return -1
}

// isShapeFamily reports whether a family is a shape of string keys, not
// a cache named by its holder.
func isShapeFamily(fam string) bool { return isFamily(fam) && holderFamily(fam) == "" }

// holderName is a holder as people read it: the package's last element,
// then the type and field ("svc.Service.users").
func holderName(h string) string {
	if i := strings.LastIndexByte(h, '/'); i >= 0 {
		return h[i+1:]
	}
	return h
}

// ---- maps guarded by a mutex ----

// mapOps returns the cache operations a function makes on maps used as
// caches. A map counts as a cache only when it is narrowly one: held in a
// package-level variable or a struct field (it outlives the call), keyed
// by a string or an integer (an id or a name), and written under a
// sync.Mutex or sync.RWMutex that the writing function locks (it is
// shared between requests). Deletes, clear and a reset of the field to a
// new map count as invalidating it wherever they are.
func (c *checker) mapOps(fn *ssa.Function) []Op {
	if !c.maps {
		return nil
	}
	cands, ok := c.mapCands[fn]
	if !ok {
		cands = c.mapCandidates(fn)
		if c.mapCands == nil {
			c.mapCands = make(map[*ssa.Function][]mapCand)
		}
		c.mapCands[fn] = cands
	}
	var ops []Op
	for _, mc := range cands {
		if o, ok := c.mapOp(mc.instr, mc.locked); ok {
			ops = append(ops, o)
		}
	}
	return ops
}

// A mapCand is an instruction that may be an operation on a map used as
// a cache, found once per function: the fixed point summarises each
// function many times.
type mapCand struct {
	instr  ssa.Instruction
	locked bool
}

func (c *checker) mapCandidates(fn *ssa.Function) []mapCand {
	var out []mapCand
	var visit func(f *ssa.Function, locked bool)
	visit = func(f *ssa.Function, locked bool) {
		lockedHere := -1 // not computed yet: most functions touch no map
		for _, b := range f.Blocks {
			for _, instr := range b.Instrs {
				if !mayBeMapOp(instr) {
					continue
				}
				if lockedHere < 0 {
					lockedHere = 0
					if locked || locksMutex(f) || c.calledLocked(f) {
						lockedHere = 1
					}
				}
				if _, ok := c.mapOp(instr, lockedHere == 1); ok {
					out = append(out, mapCand{instr, lockedHere == 1})
				}
			}
		}
		for _, anon := range f.AnonFuncs {
			visit(anon, locked || lockedHere == 1 || lockedHere < 0 && locksMutex(f))
		}
	}
	visit(fn, false)
	return out
}

// mayBeMapOp is mapOp's cheap first test.
func mayBeMapOp(instr ssa.Instruction) bool {
	switch x := instr.(type) {
	case *ssa.MapUpdate:
		return true
	case *ssa.Call:
		_, ok := x.Call.Value.(*ssa.Builtin)
		return ok
	case *ssa.Store:
		_, ok := x.Addr.(*ssa.FieldAddr)
		return ok && isIDKeyedMap(x.Val.Type())
	}
	return false
}

func (c *checker) mapOp(instr ssa.Instruction, locked bool) (Op, bool) {
	base := Op{Lib: string(knowledge.LibMap), KeyParam: -1, ValueParam: -1, Via: "map", pos: instr.Pos()}
	var key ssa.Value
	switch x := instr.(type) {
	case *ssa.MapUpdate:
		if !locked || !isIDKeyedMap(x.Map.Type()) {
			return Op{}, false
		}
		base.Cache = holderOf(x.Map)
		if base.Cache == "" {
			return Op{}, false
		}
		base.Kind, base.TTL = "write", TTL{State: ttlNever}
		key = x.Key
		base.Tables, base.ValueParam = c.valueSource(x.Value)
	case *ssa.Call:
		b, ok := x.Call.Value.(*ssa.Builtin)
		if !ok || len(x.Call.Args) == 0 || !isIDKeyedMap(x.Call.Args[0].Type()) {
			return Op{}, false
		}
		base.Cache = holderOf(x.Call.Args[0])
		switch b.Name() {
		case "delete":
			base.Kind = "delete"
			if len(x.Call.Args) > 1 {
				key = x.Call.Args[1]
			}
		case "clear":
			base.Kind = "flush"
		default:
			return Op{}, false
		}
	case *ssa.Store:
		// s.m = make(map...) in a method: the cache starts over. A field
		// set in a composite literal or on a new value is its first map.
		fa, ok := x.Addr.(*ssa.FieldAddr)
		if !ok || !isIDKeyedMap(x.Val.Type()) || isFresh(fa.X) {
			return Op{}, false
		}
		switch x.Val.(type) {
		case *ssa.MakeMap, *ssa.Const:
		default:
			return Op{}, false
		}
		base.Cache = fieldID(fa.X.Type(), fa.Field)
		base.Kind = "flush"
	default:
		return Op{}, false
	}
	if base.Cache == "" {
		return Op{}, false
	}
	base.Posn = c.posn(instr.Pos())
	base.Key = "*"
	if key != nil {
		base.Key, base.KeyParam = c.shapeOf(key)
		base.KeyParam = holderKeyParam(key, base.KeyParam, base.Cache)
	}
	if base.KeyParam < 0 {
		base.Key = familyKey(base.Key, base.Cache)
	}
	return base, true
}

// isFresh reports whether a struct pointer was allocated here (new, &T{}):
// storing its fields initialises it.
func isFresh(v ssa.Value) bool {
	_, ok := v.(*ssa.Alloc)
	return ok
}

// isIDKeyedMap reports whether a type is a map keyed by a string or an
// integer.
func isIDKeyedMap(t types.Type) bool {
	m, ok := t.Underlying().(*types.Map)
	if !ok {
		return false
	}
	b, ok := m.Key().Underlying().(*types.Basic)
	return ok && b.Info()&(types.IsString|types.IsInteger) != 0
}

// calledLocked reports whether a function is called, in this package,
// by a function that locks a mutex: a setLocked helper whose callers hold
// the lock. One level of callers is looked at.
func (c *checker) calledLocked(f *ssa.Function) bool {
	if c.lockedCallees == nil {
		c.lockedCallees = make(map[*ssa.Function]bool)
		for _, caller := range c.declared {
			if !locksMutex(caller) {
				continue
			}
			eachCall(caller, func(instr ssa.CallInstruction) {
				if callee := instr.Common().StaticCallee(); callee != nil {
					c.lockedCallees[callee] = true
				}
			})
		}
	}
	return c.lockedCallees[f]
}

// locksMutex reports whether a function locks a sync.Mutex or the write
// lock of a sync.RWMutex.
func locksMutex(f *ssa.Function) bool {
	for _, b := range f.Blocks {
		for _, instr := range b.Instrs {
			ci, ok := instr.(ssa.CallInstruction)
			if !ok {
				continue
			}
			callee := staticCallee(ci.Common())
			if callee == nil && ci.Common().IsInvoke() {
				callee = ci.Common().Method
			}
			if callee == nil {
				continue
			}
			switch analysisutil.FullName(callee) {
			case "(*sync.Mutex).Lock", "(*sync.RWMutex).Lock":
				return true
			}
		}
	}
	return false
}

// isOpaque reports whether a type is a key-value store's value: bytes, a
// string, or any value (an interface).
func isOpaque(t types.Type) bool {
	switch u := t.Underlying().(type) {
	case *types.Interface:
		return true
	case *types.Basic:
		return u.Info()&types.IsString != 0
	case *types.Slice:
		b, ok := u.Elem().Underlying().(*types.Basic)
		return ok && b.Kind() == types.Byte
	}
	return false
}

// ---- sets ----

// onlyCompared reports whether every value read back from an in-process
// cache of this package (a sync.Map's Load, LoadOrStore or LoadAndDelete,
// a map's comma-ok or plain index) is only compared, never returned or
// handed on: the cache is a set of what was seen (3x-ui's warnedDupGuid,
// the guid last warned about per node, to log a clash once), not a copy
// of rows that a change leaves stale. Caches of other libraries, and
// holders this package does not read, are not sets.
func (c *checker) onlyCompared(holder string) bool {
	if c.sets == nil {
		c.sets = make(map[string]bool)
	}
	if v, ok := c.sets[holder]; ok {
		return v
	}
	reads, used := 0, false
	for _, fn := range c.funcs {
		for _, b := range fn.Blocks {
			for _, instr := range b.Instrs {
				var value ssa.Value
				switch x := instr.(type) {
				case *ssa.Call:
					switch flow.CalleeName(x.Common()) {
					case "(*sync.Map).Load", "(*sync.Map).LoadOrStore", "(*sync.Map).LoadAndDelete":
						if args := x.Common().Args; len(args) > 0 && holderOf(args[0]) == holder {
							value = extractOf(x, 0)
							reads++
						}
					}
				case *ssa.Lookup:
					if holderOf(x.X) == holder {
						value = x
						if x.CommaOk {
							value = extractOf(x, 0)
						}
						reads++
					}
				}
				if value != nil && !comparedOnly(value, 0) {
					used = true
				}
			}
		}
	}
	set := reads > 0 && !used
	if reads == 0 {
		// Read in another package, which says so in its fact.
		for _, pf := range c.pass.AllPackageFacts() {
			if f, ok := pf.Fact.(*familiesFact); ok && slices.Contains(f.Sets, holder) {
				set = true
			}
		}
	} else if set {
		c.localSets = append(c.localSets, holder)
	}
	c.sets[holder] = set
	return set
}

// extractOf returns component i of a tuple-valued instruction, or nil
// when no instruction extracts it (the value is not used).
func extractOf(v ssa.Value, i int) ssa.Value {
	for _, ref := range flow.Referrers(v) {
		if ex, ok := ref.(*ssa.Extract); ok && ex.Index == i {
			return ex
		}
	}
	return nil
}

// comparedOnly reports whether a value is used only in == and !=
// comparisons (through conversions and type assertions).
func comparedOnly(v ssa.Value, depth int) bool {
	if depth > 4 {
		return false
	}
	for _, ref := range flow.Referrers(v) {
		switch x := ref.(type) {
		case *ssa.DebugRef:
		case *ssa.BinOp:
			if x.Op != token.EQL && x.Op != token.NEQ {
				return false
			}
		case *ssa.MakeInterface, *ssa.ChangeInterface, *ssa.TypeAssert, *ssa.ChangeType:
			if !comparedOnly(x.(ssa.Value), depth+1) {
				return false
			}
		case *ssa.Extract:
			if x.Index == 0 && !comparedOnly(x, depth+1) {
				return false // the asserted value; the ok flag is a bool
			}
		default:
			return false
		}
	}
	return true
}
