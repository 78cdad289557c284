package timeouts

import (
	"fmt"
	"go/ast"
	"go/token"
	"go/types"
	"slices"

	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/types/typeutil"

	"github.com/perfvet/perfvet/analyzers/internal/analysisutil"
	"github.com/perfvet/perfvet/analyzers/internal/knowledge"
)

// One cause, one finding, inside a function: the servers one function
// starts, the clients it builds or calls and the calls it makes with no
// request context are set up together and fixed together (one helper
// that builds servers with timeouts, one client, the handler's ctx passed
// to each query). Their findings are one, at the first, with the others
// related (writefreely's Serve: five servers; its deletePost: seven
// queries on the *sql.DB with no context). Findings of one category only
// are grouped, and a finding that already has related positions (a cause
// reported at its declaration, the gin calls of a package) stands alone.

// groupedCategories are the categories whose findings of one function
// are one.
var groupedCategories = map[string]bool{
	CategoryClient:  true,
	CategoryServer:  true,
	CategoryRequest: true,
}

// emit queues a finding for grouping (flushFindings), or reports it now
// when it is not grouped.
func (c *checker) emit(d analysis.Diagnostic) {
	if c.perSite || !groupedCategories[d.Category] || len(d.Related) > 0 {
		c.deliver(d)
		return
	}
	if c.pass.Suppressed != nil && c.pass.Suppressed(d) {
		return // a directive on this site: it does not stand for the others
	}
	c.queued = append(c.queued, d)
}

// deliver reports a finding, or holds a client finding for the programs
// that import the package (held.go).
func (c *checker) deliver(d analysis.Diagnostic) {
	if d.Category == CategoryClient && c.deliverReturned(d) {
		return
	}
	if d.Category == CategoryClient && c.holdsClients() {
		c.hold(d)
		return
	}
	if d.Category == CategoryServer && c.holdsMuxServer(d) {
		return
	}
	c.pass.Report(d)
}

// flushFindings reports the queued findings, one per category and
// enclosing function declaration; request findings of one library
// function's calls are also one across the package's functions (a
// function's group joins them).
func (c *checker) flushFindings() {
	type key struct {
		category string
		fn       ast.Node     // the enclosing declaration, or nil
		typ      types.Object // for clients in methods: the receiver's type
		sink     string       // for requests: the library function called
	}
	// parent unions the keys of findings that share a function or a sink.
	parent := make(map[key]key)
	var find func(k key) key
	find = func(k key) key {
		p, ok := parent[k]
		if !ok || p == k {
			return k
		}
		r := find(p)
		parent[k] = r
		return r
	}
	type queued struct {
		d    analysis.Diagnostic
		k    key
		name string
	}
	var qs []queued
	var unions [][2]key
	for _, d := range c.queued {
		fn, name := c.enclosingDecl(d.Pos)
		setup := c.sharedClientSetup(fn, d)
		if c.defaultClient[d.Pos] {
			fn, name = defaultClientGroup, "this package"
		}
		if fn == nil {
			c.deliver(d) // in no function: its own finding
			continue
		}
		k := key{category: d.Category, fn: fn}
		if setup != nil {
			// The shared clients one function sets up are one
			// decision (casdoor's InitHttpClient: the default client
			// and getProxyHttpClient's, in two package variables).
			unions = append(unions, [2]key{k, {category: d.Category, fn: setup}})
		}
		if recv := c.receiverType(fn); recv != nil && d.Category == CategoryClient {
			// The clients a type's methods build are one decision:
			// one client in a field of the type (semaphore's JobPool
			// builds one per call in four methods).
			k = key{category: d.Category, typ: recv}
		}
		if sink := c.sinks[d.Pos]; sink != "" {
			// The calls of one library function with no context in a
			// package's request paths are one habit, fixed the same
			// way at each (writefreely's four handlers calling
			// QueryRow on the *sql.DB, its two mails through
			// mailgun-go v2's Send).
			parent[find(k)] = find(key{category: d.Category, sink: sink})
		}
		qs = append(qs, queued{d, k, name})
	}
	c.queued = nil
	for _, u := range unions {
		if a, b := find(u[0]), find(u[1]); a != b {
			parent[a] = b
		}
	}
	groups := make(map[key][]analysis.Diagnostic)
	names := make(map[key][]string)
	fns := make(map[key]map[ast.Node]bool)
	var order []key
	for _, q := range qs {
		r := find(q.k)
		if _, ok := groups[r]; !ok {
			order = append(order, r)
			fns[r] = make(map[ast.Node]bool)
		}
		groups[r] = append(groups[r], q.d)
		fns[r][q.k.fn] = true
		if !slices.Contains(names[r], q.name) {
			names[r] = append(names[r], q.name)
		}
	}
	for _, k := range order {
		ds := groups[k]
		slices.SortStableFunc(ds, func(a, b analysis.Diagnostic) int { return int(a.Pos) - int(b.Pos) })
		name := names[k][0]
		switch {
		case len(names[k]) == 1:
		case k.typ != nil:
			name = "the methods of " + types.TypeString(k.typ.Type(), types.RelativeTo(c.pass.Pkg))
		default:
			name = fmt.Sprintf("%d functions of this package", len(fns[k]))
		}
		c.deliver(analysisutil.MergeFindings(c.pass.Fset, ds, "in "+name))
	}
}

// sharedClientSetup returns the function that sets up the shared client a
// client finding belongs to: fn, when the finding is in what fn stores
// into a package-level *http.Client variable, or the function that
// stores fn's result into one; nil otherwise.
func (c *checker) sharedClientSetup(fn ast.Node, d analysis.Diagnostic) ast.Node {
	if d.Category != CategoryClient || fn == nil {
		return nil
	}
	if c.setups == nil {
		c.collectSetups()
	}
	if g := c.storers[fn]; g != nil {
		return g
	}
	for _, r := range c.setups[fn] {
		if r.Pos() <= d.Pos && d.Pos < r.End() {
			return fn
		}
	}
	return nil
}

// collectSetups finds the assignments of the package's functions to
// package-level *http.Client variables: their right-hand sides, and the
// functions of the package they call for the value.
func (c *checker) collectSetups() {
	c.setups = make(map[ast.Node][]ast.Expr)
	c.storers = make(map[ast.Node]ast.Node)
	decls := make(map[*types.Func]*ast.FuncDecl)
	for _, f := range c.pass.Files {
		for _, d := range f.Decls {
			if fd, ok := d.(*ast.FuncDecl); ok {
				if obj, ok := c.pass.TypesInfo.Defs[fd.Name].(*types.Func); ok {
					decls[obj] = fd
				}
			}
		}
	}
	for _, fd := range decls {
		if fd.Body == nil {
			continue
		}
		ast.Inspect(fd.Body, func(n ast.Node) bool {
			as, ok := n.(*ast.AssignStmt)
			if !ok || len(as.Lhs) != len(as.Rhs) {
				return true
			}
			for i, lhs := range as.Lhs {
				if !c.sharedClientVar(lhs) {
					continue
				}
				rhs := ast.Unparen(as.Rhs[i])
				c.setups[fd] = append(c.setups[fd], rhs)
				if call, ok := rhs.(*ast.CallExpr); ok {
					if callee, ok := typeutil.Callee(c.pass.TypesInfo, call).(*types.Func); ok && decls[callee] != nil && decls[callee] != fd {
						if _, seen := c.storers[decls[callee]]; !seen {
							c.storers[decls[callee]] = fd
						}
					}
				}
			}
			return true
		})
	}
}

// sharedClientVar reports whether an expression is a package-level
// variable of type *http.Client.
func (c *checker) sharedClientVar(e ast.Expr) bool {
	id, ok := ast.Unparen(e).(*ast.Ident)
	if !ok {
		return false
	}
	v, ok := c.pass.TypesInfo.Uses[id].(*types.Var)
	if !ok || v.Parent() != c.pass.Pkg.Scope() {
		return false
	}
	p, ok := v.Type().(*types.Pointer)
	return ok && analysisutil.IsNamed(p.Elem(), knowledge.NetHTTP, "Client")
}

// sinkOf marks a finding at n as a call, in a request path, of a library
// function with no context (its full name), for flushFindings.
func (c *checker) sinkOf(n ast.Node, sink string) {
	if c.sinks == nil {
		c.sinks = make(map[token.Pos]string)
	}
	c.sinks[n.Pos()] = sink
}

// receiverType returns the named type of a method declaration's
// receiver, or nil.
func (c *checker) receiverType(n ast.Node) types.Object {
	fd, ok := n.(*ast.FuncDecl)
	if !ok || fd.Recv == nil {
		return nil
	}
	fn, ok := c.pass.TypesInfo.Defs[fd.Name].(*types.Func)
	if !ok {
		return nil
	}
	t := fn.Signature().Recv().Type()
	if p, ok := t.(*types.Pointer); ok {
		t = p.Elem()
	}
	if named, ok := t.(*types.Named); ok {
		return named.Obj()
	}
	return nil
}

// defaultClientGroup stands for the package in the groups of
// flushFindings: the requests a package sends through http.DefaultClient
// are one decision, whichever functions send them (ntfy's three Twilio
// calls, casdoor's three captcha providers), fixed by one client with a
// Timeout.
var defaultClientGroup = new(ast.File)

// viaDefaultClient marks a finding at n as a request through
// http.DefaultClient.
func (c *checker) viaDefaultClient(n ast.Node) {
	if c.defaultClient == nil {
		c.defaultClient = make(map[token.Pos]bool)
	}
	c.defaultClient[n.Pos()] = true
}

// enclosingDecl returns the function declaration of the package's files
// that contains pos, or the outermost function literal of a package-level
// declaration that does (a cobra command's Run), with its name; or nil.
func (c *checker) enclosingDecl(pos token.Pos) (ast.Node, string) {
	for _, f := range c.pass.Files {
		if pos < f.FileStart || pos >= f.FileEnd {
			continue
		}
		for _, d := range f.Decls {
			if d.Pos() > pos || pos >= d.End() {
				continue
			}
			switch d := d.(type) {
			case *ast.FuncDecl:
				return d, declName(d)
			case *ast.GenDecl:
				for _, spec := range d.Specs {
					vs, ok := spec.(*ast.ValueSpec)
					if !ok || vs.Pos() > pos || pos >= vs.End() {
						continue
					}
					var lit ast.Node
					ast.Inspect(vs, func(n ast.Node) bool {
						if fl, ok := n.(*ast.FuncLit); ok && lit == nil && fl.Pos() <= pos && pos < fl.End() {
							lit = fl
						}
						return lit == nil
					})
					if lit != nil {
						return lit, vs.Names[0].Name
					}
				}
			}
		}
	}
	return nil, ""
}

// declName names a function declaration as findings do: F, or (*T).M.
func declName(fd *ast.FuncDecl) string {
	if fd.Recv == nil || len(fd.Recv.List) == 0 {
		return fd.Name.Name
	}
	t := fd.Recv.List[0].Type
	star := ""
	if s, ok := t.(*ast.StarExpr); ok {
		star, t = "*", s.X
	}
	switch x := t.(type) {
	case *ast.IndexExpr:
		t = x.X
	case *ast.IndexListExpr:
		t = x.X
	}
	if id, ok := t.(*ast.Ident); ok {
		if star != "" {
			return fmt.Sprintf("(*%s).%s", id.Name, fd.Name.Name)
		}
		return id.Name + "." + fd.Name.Name
	}
	return fd.Name.Name
}
