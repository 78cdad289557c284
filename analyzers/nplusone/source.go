package nplusone

import (
	"go/ast"
	"go/constant"
	"go/token"
	"go/types"
	"slices"

	"github.com/perfvet/perfvet/analyzers/internal/analysisutil"
	"github.com/perfvet/perfvet/analyzers/internal/knowledge"
)

// This file tells where the collection a loop walks comes from. The
// classic N+1 walks a list: a page of rows (the rows of a multi-row read
// of one page, paged.go), a list a caller hands an exported function, or
// request input. Every row a read with no page selects (the children of
// one parent) is reported only with -unpaged; a loop over anything else
// (the few tags of one bookmark, the metadata of one file, a list built
// in memory from configuration) is small by nature on real services, and
// is reported only with -anycollection.

// A source is where a loop's collection comes from.
type source int

// The order is the strength: a parameter handed both request input and
// the rows of a read is a list.
const (
	srcUnknown source = iota // a field of one entity, a constant, a list built in memory
	srcRequest               // request input: a request message's field, a bound body, a query string (a list only with -anycollection)
	srcList                  // the rows of a multi-row read with no page, or a list derived from them (a list only with -unpaged)
	srcPage                  // the rows of a read of one page (a LIMIT, a page-size parameter), or a list derived from them
	srcCaller                // a list handed to an exported function (or one whose callers are not seen)
)

// isList reports whether a loop over a collection from src is a loop
// over a list (reported by default, every row of an unpaged read only
// with -unpaged: reportsOver). Request input is not: judged on the
// 17 services of bench/realworld, 3 of the 15 loops over a list a
// request carries (2 of 13 causes) were worth a fix; the rest walk the
// few ids a client selects, the topics of one subscription, the
// attachments of one memo (doc.go).
func isList(src source) bool {
	return src == srcList || src == srcPage || src == srcCaller
}

// reportsOver reports whether a loop over a collection from src is
// reported: a list, and, unless -unpaged, not every row of a read that
// no page bounds (paged.go).
func (c *checker) reportsOver(src source) bool {
	return isList(src) && (src != srcList || c.unpaged)
}

// isRows reports whether a collection from src holds the rows of a read.
func isRows(src source) bool {
	return src == srcList || src == srcPage
}

// maxSourceDepth bounds the assignments, calls and parameters followed to
// find a collection's source.
const maxSourceDepth = 8

// listLoop returns the loop over a list that makes a site's calls once per
// element of a list: the site's own loop, or, when it walks the children
// of one element (the tags of one bookmark), the enclosing loop over the
// list. It returns nil when no enclosing loop walks a list.
func (c *checker) listLoop(s site) *loop {
	if c.anyCollection {
		return s.loop
	}
	if c.reportsOver(c.loopSource(s.loop)) {
		return s.loop
	}
	for _, l := range s.outer {
		if l.chunk || l.offpath != "" && !c.background {
			return nil // the outer loop is batching, or not request work
		}
		if c.reportsOver(c.loopSource(l)) {
			return l
		}
	}
	return nil
}

// loopSource says where a loop's collection comes from, once per loop.
func (c *checker) loopSource(l *loop) source {
	if l.srcDone {
		c.noteRefs(l.callerRefs)
		return l.src
	}
	l.srcDone = true
	prev := c.refSink
	c.refSink = &l.callerRefs
	defer func() {
		c.refSink = prev
		c.noteRefs(l.callerRefs)
	}()
	switch {
	case l.rows:
		l.src = srcList
		if c.pagedRows(l) {
			l.src = srcPage
		}
	case l.cursor:
		l.src = srcList
	case l.isChan:
		if c.chanFromQuery(l) {
			l.src = srcList
		}
	default:
		seen := make(map[types.Object]bool)
		if coll, ok := l.of.(ast.Expr); ok && coll != nil {
			if listsDirectory(c.pass.TypesInfo.TypeOf(coll)) {
				break
			}
			l.src = c.exprSource(coll, l.decl, 0, seen)
			break
		}
		switch n := l.node.(type) {
		case *ast.ForStmt:
			// for n := head; n != nil; n = n.next: the list head's.
			if as, ok := n.Init.(*ast.AssignStmt); ok && len(as.Rhs) == 1 {
				l.src = c.exprSource(as.Rhs[0], l.decl, 0, seen)
			}
		case *ast.CallExpr:
			// each.ForEach(items, fn), a helper that calls fn per
			// element: the collection is among its other arguments. A
			// value that is no collection (callAgents(ctx, a, fn), the
			// agents in a field of a) holds the children of one entity.
			var colls []ast.Expr
			for _, a := range n.Args {
				if c.isCollectionExpr(a) {
					colls = append(colls, a)
				}
			}
			l.src = c.argsSource(colls, l.decl, 0, seen)
		}
	}
	return l.src
}

// exprSource says where the collection e, written in decl, comes from.
func (c *checker) exprSource(e ast.Expr, decl *ast.FuncDecl, depth int, seen map[types.Object]bool) source {
	if e == nil || depth > maxSourceDepth {
		return srcUnknown
	}
	info := c.pass.TypesInfo
	switch x := ast.Unparen(e).(type) {
	case *ast.StarExpr:
		return c.exprSource(x.X, decl, depth+1, seen)
	case *ast.SliceExpr:
		return c.exprSource(x.X, decl, depth+1, seen)
	case *ast.CallExpr:
		return c.callSource(x, decl, depth, seen)
	case *ast.Ident:
		return c.varSource(info.Uses[x], decl, depth, seen)
	case *ast.SelectorExpr:
		// A field of one entity is its children, a few by nature; a field
		// of request input is request input.
		if c.exprSource(x.X, decl, depth+1, seen) == srcRequest {
			return srcRequest
		}
		if obj := rootObj(info, x.X); obj != nil && c.isRequestParam(obj) {
			return srcRequest
		}
	case *ast.IndexExpr:
		// r.URL.Query()["id"]: request input; byParent[id]: the children
		// of one entity.
		if c.exprSource(x.X, decl, depth+1, seen) == srcRequest {
			return srcRequest
		}
	}
	return srcUnknown
}

// callSource says where the collection a call returns comes from: a call
// that may run a read and returns a collection returns rows; a call that
// runs none returns what it derives from its arguments (ids :=
// idsOf(users), strings.Split(r.FormValue("ids"), ",")).
func (c *checker) callSource(call *ast.CallExpr, decl *ast.FuncDecl, depth int, seen map[types.Object]bool) source {
	info := c.pass.TypesInfo
	if tv, ok := info.Types[call.Fun]; ok && tv.IsType() {
		if len(call.Args) == 1 {
			return c.exprSource(call.Args[0], decl, depth+1, seen) // a conversion
		}
		return srcUnknown
	}
	if id, ok := ast.Unparen(call.Fun).(*ast.Ident); ok {
		if b, ok := info.Uses[id].(*types.Builtin); ok {
			if b.Name() == "append" {
				return c.argsSource(call.Args, decl, depth, seen)
			}
			return srcUnknown
		}
	}
	fn := analysisutil.Callee(info, call)
	if i, ok := knowledge.SeqSources[analysisutil.FullName(fn)]; ok && i < len(call.Args) {
		return c.exprSource(call.Args[i], decl, depth+1, seen)
	}
	if c.returnsBatches(call) {
		// for _, group := range batchIn(ids, 500): one query per batch
		// is the batching itself.
		return srcUnknown
	}
	if c.pagesInMemory(call) {
		return srcPage
	}
	if listsDirectory(c.pass.TypesInfo.TypeOf(call)) {
		return srcUnknown
	}
	if !c.returnsCollection(call) {
		// A call that returns one value (an entity, an item found by
		// name) returns no list, whatever its arguments are; a method of
		// request input returns request input (c.Request(), req.GetFilter()).
		if sel, ok := ast.Unparen(call.Fun).(*ast.SelectorExpr); ok && fn != nil && isMethod(fn) {
			if c.exprSource(sel.X, decl, depth+1, seen) == srcRequest {
				return srcRequest
			}
		}
		return srcUnknown
	}
	if c.readsRows(call) {
		if c.pageOfOne(call) {
			return srcUnknown
		}
		if c.pagedCall(call, decl) {
			return srcPage
		}
		// FindByIDs(ids) of the ids of a page reads a page; of the ids an
		// exported function is handed, what its callers hand it
		// (handedin.go).
		handed := false
		for _, a := range call.Args {
			if !c.isCollectionExpr(a) {
				continue
			}
			var refs []listRef
			prev := c.refSink
			c.refSink = &refs
			s := c.exprSource(a, decl, depth+1, seen)
			c.refSink = prev
			switch {
			case s == srcPage:
				return srcPage
			case s == srcCaller && len(refs) > 0 && c.holdsLists():
				c.noteRefs(refs)
				handed = true
			}
		}
		if handed {
			return srcCaller
		}
		return srcList
	}
	args := call.Args
	if sel, ok := ast.Unparen(call.Fun).(*ast.SelectorExpr); ok && fn != nil && isMethod(fn) {
		args = append([]ast.Expr{sel.X}, args...)
	}
	// What a call derives from one value a caller hands in (the segments
	// of one path, the fields of one form) are that value's children; from
	// a list, or from request input, it is a list.
	best := srcUnknown
	for _, a := range args {
		s := c.exprSource(a, decl, depth+1, seen)
		if s == srcCaller && !c.isCollectionExpr(a) {
			s = srcUnknown
		}
		best = max(best, s)
	}
	return best
}

// pagesInMemory reports whether a call that reads nothing cuts one page
// out of a list it is handed: it takes a page (a page, page-size or offset
// parameter, or an options struct with one) and a collection, and returns
// a collection (alist's pagination(objs, &req.PageReq) of a directory's
// listing). Its result is the page an endpoint shows, whatever the list
// is, and a round trip per element of it is the list endpoint's N+1 (the
// label query per file alist's aea3ba1 batched).
func (c *checker) pagesInMemory(call *ast.CallExpr) bool {
	sig, ok := coreType(c.pass.TypesInfo.TypeOf(call.Fun)).(*types.Signature)
	if !ok || !takesPage(sig) || !slices.ContainsFunc(call.Args, c.isCollectionExpr) {
		return false
	}
	// A read of one page is pagedCall's.
	return firstCollection(sig.Results()) >= 0 && !c.readsRows(call)
}

// listsDirectory reports whether t, a call's results or a collection,
// holds a directory listing: a slice of fs.FileInfo or fs.DirEntry
// (os.ReadDir, a virtual filesystem's lister.Next(n)). Its elements are
// the files of one directory, the children of one entity, even when
// listing them makes a round trip on the way (sftpgo resolves the user's
// filesystem); a loop over them is a walk that does a file operation per
// file (remove, copy, zip, transfer), whose IO is what each element costs.
// A page cut out of a listing for an endpoint (pagesInMemory) is a page.
func listsDirectory(t types.Type) bool {
	if tup, ok := t.(*types.Tuple); ok {
		i := firstCollection(tup)
		if i < 0 {
			return false
		}
		t = tup.At(i).Type()
	}
	s, ok := coreType(t).(*types.Slice)
	return ok && knowledge.DirEntries[analysisutil.TypeName(s.Elem())]
}

// firstCollection returns the index of the first collection among the
// results a tuple holds, or -1.
func firstCollection(t types.Type) int {
	if tup, ok := t.(*types.Tuple); ok {
		for i := range tup.Len() {
			if isCollection(tup.At(i).Type()) {
				return i
			}
		}
	}
	return -1
}

// isCollectionExpr reports whether e is a slice, map, channel or iterator.
func (c *checker) isCollectionExpr(e ast.Expr) bool {
	tv, ok := c.pass.TypesInfo.Types[e]
	return ok && tv.Type != nil && isCollection(tv.Type)
}

// preloaded reports whether a site's call is handed a map that a
// multi-row read filled before the loop (creators, err :=
// listUsersByID(ctx, ids); for ... { convert(ctx, m, creators) }): the
// callee looks the element up there, and queries only for what is
// missing.
func (c *checker) preloaded(s site) bool {
	if s.arg >= 0 {
		return false
	}
	if c.probedMiss(s) {
		return true
	}
	for i, a := range s.call.Args {
		tv, ok := c.pass.TypesInfo.Types[a]
		if !ok || tv.Type == nil {
			continue
		}
		if _, isMap := coreType(tv.Type).(*types.Map); !isMap || c.dependsOnIteration(s.loop, a) {
			continue
		}
		if isRows(c.exprSource(a, s.loop.decl, 0, make(map[types.Object]bool))) {
			return !c.roundTripBesideMap(s.call, i)
		}
	}
	return false
}

// roundTripBesideMap reports whether the function of this package that a
// call hands a preloaded map (its argument i) also makes a round trip
// that neither is handed the map nor runs only when the map misses:
// memos' converter read the instance settings once per memo, whatever
// the map of creators held. Such a call is an N+1 the map does not
// spare. Only the callee's own body is looked at.
func (c *checker) roundTripBesideMap(call *ast.CallExpr, i int) bool {
	fn := analysisutil.Callee(c.pass.TypesInfo, call)
	if fn == nil || fn.Pkg() != c.pass.Pkg {
		return false
	}
	decl := c.declOf(fn)
	params := fn.Signature().Params()
	if decl == nil || decl.Body == nil || i >= params.Len() {
		return false
	}
	m := params.At(i)
	isM := func(e ast.Expr) bool {
		id, ok := ast.Unparen(e).(*ast.Ident)
		return ok && c.pass.TypesInfo.Uses[id] == m
	}
	beside := false
	ast.Inspect(decl.Body, func(n ast.Node) bool {
		inner, ok := n.(*ast.CallExpr)
		if !ok || beside {
			return !beside
		}
		if slices.ContainsFunc(inner.Args, isM) || !c.mayRoundTrip(inner) || c.missGuarded(decl.Body, inner, isM) {
			return true
		}
		beside = true
		return false
	})
	return beside
}

// mayRoundTrip reports whether a call may run a query or a round trip:
// a library's, or through a function whose summary or fact says so.
func (c *checker) mayRoundTrip(call *ast.CallExpr) bool {
	fn := analysisutil.Callee(c.pass.TypesInfo, call)
	if fn == nil {
		return false
	}
	if _, ok := knowledge.LookupRoundTrip(fn, nil); ok {
		return true
	}
	// Calls through interfaces the package cannot resolve (Open) are not
	// counted: most are no round trip (a markdown renderer), and the
	// ones that are cannot be told here.
	f := c.factOf(fn)
	return f != nil && (f.Read != nil || f.Write != nil)
}

// probedMiss reports whether a site's call runs only when the loop's
// element misses a map that a multi-row read filled before the loop: in
// the else branch of a comma-ok lookup (if _, ok := songs[id]; ok {...}
// else if _, err := albums.Get(id); ...), or after a hit that continues.
// The read answered the elements it found; the call probes the rest.
func (c *checker) probedMiss(s site) bool {
	coll, ok := s.loop.of.(ast.Expr)
	if !ok || coll == nil || s.loop.decl == nil {
		return false
	}
	list := rootObj(c.pass.TypesInfo, coll)
	if list == nil {
		return false
	}
	return c.missGuarded(s.loop.body, s.call, func(m ast.Expr) bool {
		// The map is read from the same list the loop walks (songs :=
		// songsByIDs(ctx, ids); for _, id := range ids): a map read from
		// anything else (the targets notified before) is a filter, and
		// what runs for the rest is no probe of the same lookup.
		id, ok := ast.Unparen(m).(*ast.Ident)
		if !ok || c.dependsOnIteration(s.loop, m) {
			return false
		}
		def := c.definingCall(s.loop.decl.Body, c.pass.TypesInfo.Uses[id])
		if def == nil || !c.readsRows(def) {
			return false
		}
		return slices.ContainsFunc(def.Args, func(a ast.Expr) bool { return rootObj(c.pass.TypesInfo, a) == list })
	})
}

// missGuarded reports whether call, in body, runs only when a comma-ok
// lookup on a map that preloaded accepts misses: in the lookup's else
// branch, or after a hit that returns or continues.
func (c *checker) missGuarded(body ast.Node, call *ast.CallExpr, preloaded func(ast.Expr) bool) bool {
	found := false
	ast.Inspect(body, func(n ast.Node) bool {
		if found {
			return false
		}
		if _, ok := n.(*ast.FuncLit); ok {
			return false
		}
		ifs, ok := n.(*ast.IfStmt)
		if !ok {
			return true
		}
		m := c.hitLookup(ifs)
		if m == nil {
			return true
		}
		miss := ifs.Else != nil && contains(ifs.Else, call)
		if !miss && ifs.End() <= call.Pos() && len(ifs.Body.List) > 0 && leaves(ifs.Body.List[len(ifs.Body.List)-1]) {
			miss = true // if _, ok := m[k]; ok { continue }; the call
		}
		if miss && preloaded(m) {
			found = true
		}
		return true
	})
	return found
}

// hitLookup returns the map of an if statement that tests a comma-ok
// lookup's hit (if _, ok := m[k]; ok), or nil.
func (c *checker) hitLookup(ifs *ast.IfStmt) ast.Expr {
	as, ok := ifs.Init.(*ast.AssignStmt)
	if !ok || len(as.Lhs) != 2 || len(as.Rhs) != 1 {
		return nil
	}
	ix, ok := ast.Unparen(as.Rhs[0]).(*ast.IndexExpr)
	if !ok || !isMap(c.pass.TypesInfo, ix.X) {
		return nil
	}
	okID, isID := as.Lhs[1].(*ast.Ident)
	cond, condID := ast.Unparen(ifs.Cond).(*ast.Ident)
	if !isID || !condID || objOfIdent(c.pass.TypesInfo, okID) == nil || objOfIdent(c.pass.TypesInfo, okID) != c.pass.TypesInfo.Uses[cond] {
		return nil
	}
	return ix.X
}

// argsSource is the strongest source among expressions.
func (c *checker) argsSource(args []ast.Expr, decl *ast.FuncDecl, depth int, seen map[types.Object]bool) source {
	best := srcUnknown
	for _, a := range args {
		if s := c.exprSource(a, decl, depth+1, seen); s > best {
			best = s
		}
	}
	return best
}

// returnsBatches reports whether one of a call's results is a slice of
// slices: its results are batches of its input (lo.Chunk, a helper that
// returns the chunks and a predicate per chunk).
func (c *checker) returnsBatches(call *ast.CallExpr) bool {
	tv, ok := c.pass.TypesInfo.Types[call]
	if !ok || tv.Type == nil {
		return false
	}
	if tup, ok := tv.Type.(*types.Tuple); ok {
		for i := range tup.Len() {
			if isBatches(tup.At(i).Type()) {
				return true
			}
		}
		return false
	}
	return isBatches(tv.Type)
}

// isBatches reports whether t is a slice of slices (not of byte slices).
func isBatches(t types.Type) bool {
	s, ok := coreType(t).(*types.Slice)
	return ok && isChunk(s.Elem())
}

// readsRows reports whether a call may run a read and returns a
// collection: a multi-row read (ent's All, pgx.CollectRows, a repository's
// ListUsers), or a call through an interface whose implementations its
// package cannot see that returns one.
func (c *checker) readsRows(call *ast.CallExpr) bool {
	if c.ix != nil {
		ci := c.ix.Call(call.Lparen)
		if ci == nil {
			return false
		}
		if p := c.callReach(ci, false); p.read != nil {
			return true
		}
		return len(c.callOpen(ci)) > 0
	}
	return c.syntacticReach(call).read != nil
}

// returnsCollection reports whether a call's first result is a slice, a
// map or an iterator.
func (c *checker) returnsCollection(call *ast.CallExpr) bool {
	tv, ok := c.pass.TypesInfo.Types[call]
	if !ok || tv.Type == nil {
		return false
	}
	t := tv.Type
	if tup, ok := t.(*types.Tuple); ok {
		if tup.Len() == 0 {
			return false
		}
		t = tup.At(0).Type()
	}
	return isCollection(t)
}

func isCollection(t types.Type) bool {
	switch coreType(t).(type) {
	case *types.Slice, *types.Map, *types.Signature, *types.Chan:
		return true
	}
	return false
}

// varSource says where the collection a variable holds comes from: a
// parameter's from its callers, a local variable's from what is assigned
// to it, appended to it or stored in it (in a loop over a list, it is
// that list's), and from the reads and request binders handed its
// address (db.Find(&users), c.Bind(&req)).
func (c *checker) varSource(obj types.Object, decl *ast.FuncDecl, depth int, seen map[types.Object]bool) source {
	v, ok := obj.(*types.Var)
	if !ok || v.IsField() || seen[v] || decl == nil {
		return srcUnknown
	}
	seen[v] = true
	if v.Pkg() == nil || v.Parent() == v.Pkg().Scope() {
		return srcUnknown // a package variable: configuration, a registry
	}
	if c.isRequestParam(v) {
		return srcRequest
	}
	if i := paramIndex(c.pass.TypesInfo, decl, v); i >= 0 {
		return c.paramSource(decl, i, depth, seen)
	}
	best := srcUnknown
	for _, u := range c.varUses(decl)[v] {
		var s source
		switch {
		case u.rhs != nil:
			s = c.exprSource(u.rhs, decl, depth+1, seen)
		case u.addrOf != nil:
			s = c.addrSource(u.addrOf, decl, depth, seen)
		}
		if u.loop != nil && s == srcUnknown {
			s = c.stmtLoopSource(u.loop, decl, depth+1, seen)
		}
		if s > best {
			best = s
		}
	}
	return best
}

// addrSource says what a call that is handed a variable's address fills
// it with: rows for a read (db.Find(&users), db.Select(&ids, q)),
// request input for a binder (c.Bind(&req), and JSON decoded from request
// input: json.NewDecoder(r.Body).Decode(&req), json.Unmarshal(body, &req)).
func (c *checker) addrSource(call *ast.CallExpr, decl *ast.FuncDecl, depth int, seen map[types.Object]bool) source {
	switch name := analysisutil.FullName(analysisutil.Callee(c.pass.TypesInfo, call)); name {
	case "encoding/json.Unmarshal":
		// Request input only when the bytes are: json.Unmarshal(body, &req).
		if len(call.Args) > 0 && c.exprSource(call.Args[0], decl, depth+1, seen) == srcRequest {
			return srcRequest
		}
		return srcUnknown
	case "(*encoding/json.Decoder).Decode":
		// json.NewDecoder(r.Body).Decode(&req).
		if sel, ok := ast.Unparen(call.Fun).(*ast.SelectorExpr); ok {
			if nd, ok := ast.Unparen(sel.X).(*ast.CallExpr); ok && len(nd.Args) == 1 && c.exprSource(nd.Args[0], decl, depth+1, seen) == srcRequest {
				return srcRequest
			}
		}
		return srcUnknown
	default:
		if _, ok := knowledge.Binders[name]; ok {
			return srcRequest
		}
	}
	if c.ix != nil {
		if ci := c.ix.Call(call.Lparen); ci == nil || c.callReach(ci, false).read == nil {
			return srcUnknown
		}
	} else if c.syntacticReach(call).read == nil {
		return srcUnknown
	}
	if c.pagedCall(call, decl) {
		return srcPage
	}
	return srcList
}

// stmtLoopSource is the source of a loop statement that fills a variable
// (for _, u := range users { ids = append(ids, u.ID) }, for rows.Next()
// { list = append(list, x) }).
func (c *checker) stmtLoopSource(n ast.Node, decl *ast.FuncDecl, depth int, seen map[types.Object]bool) source {
	info := c.pass.TypesInfo
	switch n := n.(type) {
	case *ast.RangeStmt:
		return c.exprSource(n.X, decl, depth, seen)
	case *ast.ForStmt:
		if n.Cond == nil {
			return srcUnknown
		}
		if call, _ := findCall(info, n.Cond, func(s string) bool { return knowledge.ResultSetNext[s] }); call != nil {
			// A list built from the rows of a page is a page, as a loop
			// over the rows is (pagedRows).
			if c.pagedRows(&loop{decl: decl, node: n}) {
				return srcPage
			}
			return srcList
		}
		if b, ok := n.Cond.(*ast.BinaryExpr); ok {
			if coll := lenArg(info, b.Y); coll != nil {
				return c.exprSource(coll, decl, depth, seen)
			}
		}
	}
	return srcUnknown
}

// paramSource says where the collection a function's parameter holds
// comes from. An exported function's callers are in other packages: what
// they hand it is a list it cannot bound. An unexported function's are in
// this package: the strongest of what its calls hand it; a function only
// used as a value (a handler) is taken as handed a list too. The values a
// call of the package writes out into a variadic parameter (f(ctx, a, b))
// are no list; a list spread into it (f(ctx, ids...)) is.
func (c *checker) paramSource(decl *ast.FuncDecl, i int, depth int, seen map[types.Object]bool) source {
	obj, _ := c.pass.TypesInfo.Defs[decl.Name].(*types.Func)
	if obj == nil {
		return srcCaller
	}
	variadic := variadicFrom(obj) >= 0 && i >= variadicFrom(obj)
	calls := c.callersOf(obj)
	if obj.Exported() || len(calls) == 0 {
		if obj.Exported() {
			c.noteRefs([]listRef{{fn: obj, param: i}})
		}
		return srcCaller
	}
	best := srcUnknown
	for _, cs := range calls {
		if i >= len(cs.call.Args) || c.skipCaller(cs.decl) {
			continue
		}
		if cs.call.Ellipsis == token.NoPos && variadic {
			// f(ctx, a, b): the caller wrote the few values out.
			// f(a, b, c) to f(xs ...T): the caller wrote the elements.
			continue
		}
		if s := c.exprSource(cs.call.Args[i], cs.decl, depth+1, seen); s > best {
			best = s
		}
	}
	return best
}

// noteRefs adds the parameters of exported functions a collection's
// source went through to those being collected (handedin.go).
func (c *checker) noteRefs(refs []listRef) {
	if c.refSink == nil {
		return
	}
	for _, r := range refs {
		if !slices.Contains(*c.refSink, r) {
			*c.refSink = append(*c.refSink, r)
		}
	}
}

// variadicFrom is the index of a variadic function's last parameter, or
// -1.
func variadicFrom(fn *types.Func) int {
	sig, ok := fn.Type().(*types.Signature)
	if !ok || !sig.Variadic() {
		return -1
	}
	return sig.Params().Len() - 1
}

func isMethod(fn *types.Func) bool {
	sig, ok := fn.Type().(*types.Signature)
	return ok && sig.Recv() != nil
}

// paramIndex is the index of v among decl's parameters (the receiver not
// counted), or -1.
func paramIndex(info *types.Info, decl *ast.FuncDecl, v *types.Var) int {
	i := 0
	for _, field := range decl.Type.Params.List {
		if len(field.Names) == 0 {
			i++
			continue
		}
		for _, name := range field.Names {
			if info.Defs[name] == v {
				return i
			}
			i++
		}
	}
	return -1
}

// isRequestParam reports whether v is a parameter holding a request: an
// *http.Request, a gin or echo context, or a generated protobuf message
// (a gRPC or Connect method's request).
func (c *checker) isRequestParam(obj types.Object) bool {
	v, ok := obj.(*types.Var)
	if !ok || v.IsField() {
		return false
	}
	t := v.Type()
	switch analysisutil.TypeName(t) {
	case "net/http.Request", knowledge.Gin + ".Context", knowledge.Echo4 + ".Context":
		return isParam(v)
	}
	return isParam(v) && analysisutil.IsProtoMessage(t)
}

// isParam reports whether v is a function's parameter.
func isParam(v *types.Var) bool {
	return v.Kind() == types.ParamVar
}

// ---- the uses of variables, per function ----

// isIdent reports whether e is a name.
func isIdent(e ast.Expr) bool {
	_, ok := ast.Unparen(e).(*ast.Ident)
	return ok
}

// A varUse is a way a function fills a variable: an assignment, an
// append or a store into it (in a loop, if any), or a call handed its
// address.
type varUse struct {
	rhs    ast.Expr      // what is assigned (nil for an address)
	loop   ast.Node      // the innermost loop statement around a fill (x = append(x, ...), x[k] = v)
	addrOf *ast.CallExpr // the call handed &x
}

// varUses indexes how decl fills its local variables, once per function.
func (c *checker) varUses(decl *ast.FuncDecl) map[*types.Var][]varUse {
	if m, ok := c.uses[decl]; ok {
		return m
	}
	m := make(map[*types.Var][]varUse)
	if c.uses == nil {
		c.uses = make(map[*ast.FuncDecl]map[*types.Var][]varUse)
	}
	c.uses[decl] = m
	if decl.Body == nil {
		return m
	}
	info := c.pass.TypesInfo
	var loops []ast.Node
	localVar := func(e ast.Expr) *types.Var {
		v, _ := rootObj(info, e).(*types.Var)
		if v == nil || v.IsField() {
			return nil
		}
		return v
	}
	innermost := func() ast.Node {
		if len(loops) == 0 {
			return nil
		}
		return loops[len(loops)-1]
	}
	var visit func(n ast.Node) bool
	visit = func(n ast.Node) bool {
		switch n := n.(type) {
		case *ast.RangeStmt, *ast.ForStmt:
			loops = append(loops, n)
			ast.Inspect(n, func(m ast.Node) bool {
				if m == n {
					return true
				}
				return visit(m)
			})
			loops = loops[:len(loops)-1]
			return false
		case *ast.CallExpr:
			// &x handed to the call or to a call of its receiver chain:
			// bun's NewSelect().Model(&xs).Scan(ctx) fills xs by Scan.
			for inner := n; inner != nil; inner = receiverCall(inner) {
				for _, a := range inner.Args {
					if u, ok := ast.Unparen(a).(*ast.UnaryExpr); ok && u.Op == token.AND {
						if v := localVar(u.X); v != nil {
							m[v] = append(m[v], varUse{addrOf: n})
						}
					}
				}
			}
		case *ast.ValueSpec:
			for i, name := range n.Names {
				if v, ok := info.Defs[name].(*types.Var); ok && i < len(n.Values) && len(n.Values) == len(n.Names) {
					m[v] = append(m[v], varUse{rhs: n.Values[i], loop: innermost()})
				}
			}
		case *ast.AssignStmt:
			for i, lhs := range n.Lhs {
				v := localVar(lhs)
				if v == nil {
					continue
				}
				var rhs ast.Expr
				switch {
				case len(n.Lhs) == len(n.Rhs):
					rhs = n.Rhs[i]
				case len(n.Rhs) == 1 && i == 0:
					rhs = n.Rhs[0] // xs, err := f(): the first result
				case len(n.Rhs) == 1 && firstCollection(info.TypeOf(n.Rhs[0])) == i:
					rhs = n.Rhs[0] // total, xs := f(): its list
				}
				if _, whole := ast.Unparen(lhs).(*ast.Ident); !whole {
					rhs = nil // xs[k] = v, x.f = v: a store into it
					if ix, ok := ast.Unparen(lhs).(*ast.IndexExpr); !ok || localVar(ix.X) != v || !isIdent(ix.X) {
						// m[k].f = v, x.f = v: the store grows no
						// collection v holds.
						continue
					}
				}
				m[v] = append(m[v], varUse{rhs: rhs, loop: innermost()})
			}
		}
		return true
	}
	ast.Inspect(decl.Body, visit)
	return m
}

// receiverCall returns the call a method call is made on: Model(&xs) in
// q.Model(&xs).Scan(ctx).
func receiverCall(call *ast.CallExpr) *ast.CallExpr {
	sel, ok := ast.Unparen(call.Fun).(*ast.SelectorExpr)
	if !ok {
		return nil
	}
	inner, _ := ast.Unparen(sel.X).(*ast.CallExpr)
	return inner
}

// callersOf lists the calls of a function in this package, with the
// functions they are written in.
func (c *checker) callersOf(fn *types.Func) []callerSite {
	if c.callers == nil {
		c.callers = make(map[*types.Func][]callerSite)
		for _, f := range c.pass.Files {
			for _, d := range f.Decls {
				fd, ok := d.(*ast.FuncDecl)
				if !ok || fd.Body == nil {
					continue
				}
				ast.Inspect(fd.Body, func(n ast.Node) bool {
					call, ok := n.(*ast.CallExpr)
					if !ok {
						return true
					}
					if callee := analysisutil.Callee(c.pass.TypesInfo, call); callee != nil && callee.Pkg() == c.pass.Pkg {
						callee = callee.Origin()
						c.callers[callee] = append(c.callers[callee], callerSite{call: call, decl: fd})
					}
					return true
				})
			}
		}
	}
	return c.callers[fn.Origin()]
}

// A callerSite is a call of a function of the package.
type callerSite struct {
	call *ast.CallExpr
	decl *ast.FuncDecl
}

// pageOfOne reports whether a read is asked for a page of one row: the
// constant 1 handed to a parameter, or set in a field of a composite
// literal argument, named as a page size (pageSize, limit, perPage,
// size). Such a read returns at most one row, and a loop over it runs
// once: apache answer's review queues fetch their pages one item at a
// time (GetUnreviewedRevisionPage(ctx, req.Page, 1, ...), PageSize: 1).
// This is a heuristic by name; 0, which often means no limit, is not
// taken.
func (c *checker) pageOfOne(call *ast.CallExpr) bool {
	info := c.pass.TypesInfo
	sig, _ := coreType(info.TypeOf(call.Fun)).(*types.Signature)
	for i, a := range call.Args {
		a = ast.Unparen(a)
		if u, ok := a.(*ast.UnaryExpr); ok && u.Op == token.AND {
			a = ast.Unparen(u.X)
		}
		if lit, ok := a.(*ast.CompositeLit); ok {
			for _, e := range lit.Elts {
				if kv, ok := e.(*ast.KeyValueExpr); ok {
					if id, ok := kv.Key.(*ast.Ident); ok && knowledge.PageSizeName(id.Name) && isOne(info, kv.Value) {
						return true
					}
				}
			}
			continue
		}
		if sig != nil && !sig.Variadic() && i < sig.Params().Len() && knowledge.PageSizeName(sig.Params().At(i).Name()) && isOne(info, a) {
			return true
		}
	}
	return false
}

// isOne reports whether e is the integer constant 1.
func isOne(info *types.Info, e ast.Expr) bool {
	tv, ok := info.Types[e]
	return ok && tv.Value != nil && tv.Value.Kind() == constant.Int && constant.Compare(tv.Value, token.EQL, constant.MakeInt64(1))
}
