package nplusone

import (
	"go/ast"
	"go/token"
	"go/types"
	"maps"
	"slices"
	"strings"

	"github.com/perfvet/perfvet/analyzers/internal/analysisutil"
	"github.com/perfvet/perfvet/analyzers/internal/knowledge"
	"github.com/perfvet/perfvet/analyzers/internal/serverrole"
)

// Helpers of job entries, and methods for code outside the program.
//
// A loop in an unexported function runs when its callers run. When every
// call of the function is in the bodies of job entries (jobentry.go), or
// of functions only they call, its findings are the entries' own: they
// are held for the entries' users to decide on, as the entries' bodies'
// findings are. So are those of an exported function of an internal
// package that its own package calls only so; since the rest of its tree
// may call it too, they also wait for its own users. When the function is
// also called from elsewhere, but the
// list its loop walks comes only from an entry's call (a page read by a
// syncer's GetQuestionsPage, while BuildQuestionContentByID hands the
// same helper a list of one), the finding is held for that entry alone.
//
// A method that the package converts to interfaces declared in its own
// module, and calls nowhere else, runs when a package of the program
// invokes an interface method of its name. Each package lists the names of
// the interface methods it invokes (jobUsesFact.Invokes); a held method
// whose name none invokes is called by code outside the program only:
// apache answer's syncers, which the core hands to its search plugins to
// page through every question. Like a function no package uses, it is no
// request's work, and its findings stay silent.

// invokedNames returns the names of the methods of interfaces declared
// outside the standard library that the package calls, or takes as
// method values or expressions, outside its test files (sorted). A name
// stands for every interface method of that name: a conservative
// superset of the program's dynamic calls.
func (c *checker) invokedNames() []string {
	if c.invoked != nil {
		return *c.invoked
	}
	set := make(map[string]bool)
	for sel, s := range c.pass.TypesInfo.Selections {
		if s.Kind() == types.FieldVal || c.inTestFile(sel.Pos()) {
			continue
		}
		fn, ok := s.Obj().(*types.Func)
		if !ok || fn.Pkg() == nil || analysisutil.IsStdPath(fn.Pkg().Path()) {
			continue
		}
		if recv := fn.Signature().Recv(); recv != nil && types.IsInterface(recv.Type()) {
			set[fn.Name()] = true
		}
	}
	names := slices.Sorted(maps.Keys(set))
	c.invoked = &names
	return names
}

// methodName returns the method's name in a full name ("(*p.T).M").
func methodName(full string) string {
	return full[strings.LastIndex(full, ".")+1:]
}

// ownModule reports whether p is of the analysed package's module; never
// when the driver does not say which module that is (unlike inModule,
// the careful answer here is no).
func (c *checker) ownModule(p *types.Package) bool {
	mod := c.pass.Module
	return p != nil && mod != nil && mod.Path != "" && analysisutil.SameModule(mod.Path)(p)
}

// jobOwners returns, for the package's declared functions that run only
// as part of job entries, the entries that run them: an entry owns
// itself; an unexported function, not converted to an interface, that is
// used only in calls written in the bodies of owned functions (or in
// literals they hand to a call that runs them before it returns, a
// transaction's body: calledInPlace; not in other function literals,
// which may be handed on) is owned by their owners.
func (c *checker) jobOwners() map[*types.Func]map[*types.Func]bool {
	if c.owners != nil {
		return c.owners
	}
	owners := make(map[*types.Func]map[*types.Func]bool)
	c.owners = owners
	if len(c.jobDecls) == 0 {
		return owners
	}
	for fn := range c.jobDecls {
		owners[fn] = map[*types.Func]bool{fn: true}
	}
	var files []*ast.File
	for _, f := range c.pass.Files {
		if !c.inTestFile(f.Pos()) {
			files = append(files, f)
		}
	}
	// The functions each candidate's calls are written in; a candidate
	// with any other use is not owned.
	callers := make(map[*types.Func][]*types.Func)
	free := make(map[*types.Func]bool)
	methods := make(map[string]bool)
	internal := internalPath(c.pass.Pkg.Path())
	for fn, us := range analysisutil.FuncUses(c.pass.TypesInfo, c.pass.Pkg, files) {
		if fn.Exported() && !internal || owners[fn] != nil {
			// An exported function of a package others may import is
			// its API; in an internal package it is owned as the rest,
			// and its findings also wait for its own users (holdSites).
			continue
		}
		for _, u := range us {
			if !u.Direct || u.From == nil || slices.ContainsFunc(u.Lits, func(l *ast.FuncLit) bool { return !c.calledInPlace(l) }) {
				free[fn] = true
			}
			callers[fn] = append(callers[fn], u.From)
		}
		if fn.Signature().Recv() != nil {
			methods[analysisutil.FullName(fn)] = true
		}
	}
	for name := range c.convertedMethods(methods) {
		for fn := range callers {
			if analysisutil.FullName(fn) == name {
				free[fn] = true
			}
		}
	}
	for changed := true; changed; {
		changed = false
		for fn, ins := range callers {
			if free[fn] || owners[fn] != nil {
				continue
			}
			set := make(map[*types.Func]bool)
			all := true
			for _, in := range ins {
				if owners[in] == nil {
					all = false
					break
				}
				maps.Copy(set, owners[in])
			}
			if all {
				owners[fn] = set
				changed = true
			}
		}
	}
	return owners
}

// calledInPlace reports whether a function literal is an argument of a
// call that runs it before returning: a callback of the knowledge table
// run in the caller's goroutine, or a parameter the callee's fact says it
// calls, or, for a method of an interface, a literal that is not a
// handler (app.RunInTransaction(func(tx core.App) error { ... })).
func (c *checker) calledInPlace(lit *ast.FuncLit) bool {
	if c.litCalls == nil {
		c.litCalls = make(map[*ast.FuncLit]*ast.CallExpr)
		for _, f := range c.pass.Files {
			ast.Inspect(f, func(n ast.Node) bool {
				if call, ok := n.(*ast.CallExpr); ok {
					for _, a := range call.Args {
						if l, ok := ast.Unparen(a).(*ast.FuncLit); ok {
							c.litCalls[l] = call
						}
					}
				}
				return true
			})
		}
	}
	call := c.litCalls[lit]
	if call == nil {
		return false
	}
	fn := analysisutil.Callee(c.pass.TypesInfo, call)
	if fn == nil {
		return false
	}
	i := slices.IndexFunc(call.Args, func(e ast.Expr) bool { return ast.Unparen(e) == lit })
	if cb, ok := knowledge.Callbacks[analysisutil.FullName(fn)]; ok {
		return cb.Func == i && !cb.Goroutine
	}
	if recv := fn.Signature().Recv(); recv != nil && types.IsInterface(recv.Type()) {
		// An interface's method: its implementations are not known
		// here. A literal that is not a handler is taken to be its
		// argument's work (pocketbase's core.App.RunInTransaction).
		return !serverrole.IsHandler(c.pass.TypesInfo, lit.Type)
	}
	f := c.factOf(fn)
	return f != nil && slices.Contains(f.Calls, i)
}

// declFunc returns the function a declaration declares.
func (c *checker) declFunc(fd *ast.FuncDecl) *types.Func {
	if fd == nil {
		return nil
	}
	fn, _ := c.pass.TypesInfo.Defs[fd.Name].(*types.Func)
	return fn
}

// holdSites records, for the findings outside the bodies of job entries
// whose lists come only from calls that job entries make, the entries to
// hold them for (jobHolds, by the call's position).
func (c *checker) holdSites(found []finding) {
	if len(c.jobDecls) == 0 {
		return
	}
	owners := c.jobOwners()
	entries := slices.SortedFunc(maps.Keys(c.jobDecls), func(a, b *types.Func) int {
		return strings.Compare(analysisutil.FullName(a), analysisutil.FullName(b))
	})
	for _, f := range found {
		s := f.site
		fn := c.declFunc(s.loop.decl)
		if fn == nil || c.jobDecls[fn] != nil || c.inLiteral(fn, s) {
			// No declared function; an entry's body (jobentry.go); or a
			// function literal, which may be handed on.
			continue
		}
		cands := entries
		if own := owners[fn]; own != nil {
			cands = slices.DeleteFunc(slices.Clone(entries), func(e *types.Func) bool { return !own[e] })
		} else if c.listedWithout(s, nil) {
			continue
		}
		var holds []string
		for _, e := range cands {
			if c.listedWithout(s, e) {
				holds = append(holds, analysisutil.FullName(e))
			}
		}
		if len(holds) > 0 && fn.Exported() {
			// The other packages of its tree may call it too: its own
			// users decide as well (beszel's AverageSystemStats, which
			// only the cron job CreateLongerRecords calls).
			holds = append(holds, analysisutil.FullName(fn))
		}
		if len(holds) > 0 {
			if c.jobHolds == nil {
				c.jobHolds = make(map[token.Pos][]string)
			}
			c.jobHolds[s.call.Pos()] = holds
		}
	}
}

// listedWithout reports whether a site's loop is still over a list when
// only the calls that run for the job entry allowed (none, when nil) hand
// parameters their lists: those in functions the other entries own are
// left out.
func (c *checker) listedWithout(s site, allowed *types.Func) bool {
	loops := append([]*loop{s.loop}, s.outer...)
	type memo struct {
		done bool
		src  source
		refs []listRef
	}
	saved := make([]memo, len(loops))
	for i, l := range loops {
		saved[i] = memo{l.srcDone, l.src, l.callerRefs}
		l.srcDone, l.callerRefs = false, nil
	}
	prevSink := c.refSink
	c.refSink = nil
	c.excluding, c.allowed = true, allowed
	listed := c.listLoop(s) != nil
	c.excluding, c.allowed = false, nil
	c.refSink = prevSink
	for i, l := range loops {
		l.srcDone, l.src, l.callerRefs = saved[i].done, saved[i].src, saved[i].refs
	}
	return listed
}

// skipCaller reports whether, while listedWithout asks, a call written in
// decl is left out: it runs only for job entries other than the one
// allowed.
func (c *checker) skipCaller(decl *ast.FuncDecl) bool {
	if !c.excluding {
		return false
	}
	own := c.jobOwners()[c.declFunc(decl)]
	return own != nil && (c.allowed == nil || !own[c.allowed])
}

// heldEntry returns the job entry a deferred site's finding waits for:
// the entry whose body holds it, or the one entry that owns the helper
// it is written in (not in a function literal).
func (c *checker) heldEntry(s site) *types.Func {
	if fn := c.entryAt(c.jobDecls, s.call.Pos()); fn != nil {
		return fn
	}
	fn := c.declFunc(s.loop.decl)
	if fn == nil || len(c.jobDecls) == 0 || c.inLiteral(fn, s) {
		return nil
	}
	if own := c.jobOwners()[fn]; len(own) == 1 {
		for e := range own {
			return e
		}
	}
	return nil
}

// inLiteral reports whether a site's call is written in a function
// literal of fn's declaration (or outside it).
func (c *checker) inLiteral(fn *types.Func, s site) bool {
	return c.entryAt(map[*types.Func]*ast.FuncDecl{fn: s.loop.decl}, s.call.Pos()) == nil
}
