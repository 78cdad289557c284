// Package knowledge holds what perfvet knows about the libraries it
// checks: which functions query a database, talk to Redis, serve or call
// HTTP, and how. Tables are keyed by fully qualified names as go/types
// prints them (types.Func.FullName), one entry per library major version,
// so that matching is by type, never by identifier alone.
//
// The files are named by library domain, not by the analyzer that reads
// them (an analyzer reads several, and several analyzers read each); each
// file's comment says what it knows and who reads it:
//
//   - http.go: net/http clients, servers, dials, request bodies and
//     request input (and the frameworks' request contexts);
//   - routers.go: route registration, middleware and server starts:
//     ServeMux, chi, gin, echo, gorilla/mux, gRPC;
//   - context.go: package context, and the context-free variants of
//     database and HTTP calls;
//   - roundtrip.go: the round-trip model (a query or a cache command)
//     that sql.go, orm.go and redis.go fill, and which packages can make
//     one;
//   - sql.go: database/sql, sqlx, pgx, their pools and drivers;
//   - orm.go: GORM, bun, ent, xorm, gorp, beego's ORM, pop, and the query
//     builders squirrel and goqu;
//   - redis.go: go-redis, rueidis and gomemcache;
//   - cacheops.go: the cache-operation model (what a call does to keys)
//     that redis.go and inprocess.go fill;
//   - inprocess.go: in-process caches: go-cache, golang-lru, gcache,
//     ttlcache, ristretto, freecache, bigcache, lcw, sync.Map;
//   - metriclibs.go: metrics libraries (Prometheus client_golang,
//     OpenTelemetry, go-kit, VictoriaMetrics) and instrumentation;
//   - iterators.go: iteration not written as a loop (callbacks per
//     element, iterator methods, goroutines and their waits);
//   - time.go: sleeps, timers, expiry checks, time.Duration units;
//   - jobs.go: migrations, scheduled jobs and command-line commands;
//   - text.go: strconv and fmt conversions, text builders;
//   - objectstorage.go: object-storage SDKs' control-plane calls;
//   - testdoubles.go: mock libraries and test frameworks.
//
// This file holds what is common to them: the names tables use for
// functions, and the plan's function patterns.
package knowledge

import (
	"go/types"
	"strings"
)

// FuncKey returns the name the tables use for a function: its
// types.Func.FullName, except that a method of a generic type names its
// receiver with the type parameters alone, "(gorm.io/gorm.ExecInterface[T]).First",
// however go/types would print their constraints.
func FuncKey(fn *types.Func) string {
	sig, ok := fn.Type().(*types.Signature)
	if !ok || sig.Recv() == nil {
		return fn.FullName()
	}
	t := sig.Recv().Type()
	ptr := ""
	if p, ok := types.Unalias(t).(*types.Pointer); ok {
		t, ptr = p.Elem(), "*"
	}
	named, ok := types.Unalias(t).(*types.Named)
	if !ok || named.Obj().Pkg() == nil {
		return fn.FullName()
	}
	named = named.Origin()
	name := named.Obj().Pkg().Path() + "." + named.Obj().Name()
	if tps := named.TypeParams(); tps.Len() > 0 {
		params := make([]string, tps.Len())
		for i := range params {
			params[i] = tps.At(i).Obj().Name()
		}
		name += "[" + strings.Join(params, ", ") + "]"
	}
	return "(" + ptr + name + ")." + fn.Name()
}

// A TypeRef names a library type.
type TypeRef struct{ Pkg, Name string }

func contains(list []string, s string) bool {
	for _, x := range list {
		if x == s {
			return true
		}
	}
	return false
}

// MatchFuncPattern reports whether a function's full name
// (types.Func.FullName: "(*example.com/legacy.Client).FetchAll") matches
// a pattern of the plan's queries: list, written the same way with '*' as
// a wildcard in names ("(*example.com/legacy.Client).Fetch*"). The star of
// a pointer receiver is literal, and a pattern matches a method whether it
// has a pointer or a value receiver.
func MatchFuncPattern(pattern, fullName string) bool {
	pattern, fullName = stripPointerRecv(pattern), stripPointerRecv(fullName)
	return globMatch(pattern, fullName)
}

func stripPointerRecv(s string) string {
	if rest, ok := strings.CutPrefix(s, "(*"); ok {
		return "(" + rest
	}
	return s
}

// globMatch matches s against a pattern where '*' matches any run of
// characters.
func globMatch(pattern, s string) bool {
	parts := strings.Split(pattern, "*")
	if len(parts) == 1 {
		return pattern == s
	}
	if !strings.HasPrefix(s, parts[0]) {
		return false
	}
	s = s[len(parts[0]):]
	for _, part := range parts[1 : len(parts)-1] {
		i := strings.Index(s, part)
		if i < 0 {
			return false
		}
		s = s[i+len(part):]
	}
	return strings.HasSuffix(s, parts[len(parts)-1])
}

// PatternPackage returns the package path a plan's query pattern names,
// or "" if a wildcard hides it.
func PatternPackage(pattern string) string {
	s := strings.TrimPrefix(stripPointerRecv(pattern), "(")
	if i := strings.Index(s, ")"); i >= 0 {
		s = s[:i]
	}
	i := strings.LastIndex(s, ".")
	if i < 0 || strings.Contains(s[:i], "*") {
		return ""
	}
	return s[:i]
}
