package nplusone

import (
	"fmt"
	"go/ast"
	"go/token"
	"go/types"
	"maps"
	"slices"
	"strings"

	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/ssa"

	"github.com/perfvet/perfvet/analyzers/internal/analysisutil"
	wp "github.com/perfvet/perfvet/analyzers/internal/reach"
	"github.com/perfvet/perfvet/analyzers/internal/ssabuild"
)

// Jobs started from other packages.
//
// A loop in an exported function that its own package never uses (a
// cleanup pass, CleanOrphanUploadFiles) runs as whatever other packages
// make of it: request work if a handler calls it, a job if only a cron
// job does. Its package cannot tell, so it holds the finding back in a
// jobPendingFact instead of reporting it, when the closed world of Go's
// internal packages holds: the package's path has an internal segment,
// so only its own tree can use the function. A call in such a loop that
// waits for the implementations of an interface (reach.go) carries the
// function's name, and the package that resolves it holds its finding
// back in the same way.
//
// Each package that uses the function classifies its uses and lists the
// function in a jobUsesFact: Off when every use is in a scheduled job, a
// migration or a command (offpath.go), On otherwise (a call in a handler,
// a function value kept for later, a conversion of a value that has the
// method to an interface that has it, after which any caller of the
// interface may run it). Uses in test files count for nothing. A package
// that sees a held finding reports it, at the loop, when a package it
// sees uses the function On. A function no package uses (dead code, or
// used by its tests only) runs on no request: its finding stays silent,
// as a handed-in list that no call hands a page does (handedin.go).
// Importers report again, as they are, the findings their dependencies
// reported (the driver merges the copies).

// A jobPendingFact lists the findings of a package in exported functions
// it does not call itself, waiting for their users to say whether they
// run them per request.
type jobPendingFact struct {
	Entries []JobEntry // sorted by Func
}

func (*jobPendingFact) AFact() {}

func (f *jobPendingFact) String() string {
	names := make([]string, 0, len(f.Entries))
	for _, e := range f.Entries {
		names = append(names, e.Func)
	}
	return "jobpending(" + strings.Join(names, "; ") + ")"
}

// A JobEntry is an exported function (by its full name, as the knowledge
// tables write it) and the findings in its body.
type JobEntry struct {
	Func  string
	Found []wp.Found
	// Converted: the function is a method that its package converts to
	// interfaces of its own module only; it runs when some package
	// invokes an interface method of its name.
	Converted bool
}

// A jobUsesFact lists the functions whose findings are held that a
// package uses off the request path only (Off) or may use on it (On),
// and the findings it reported.
type jobUsesFact struct {
	Off, On []string // sorted
	Found   []wp.Found
	// Converted lists the held methods the package converts to
	// interfaces of its own module only (sorted): used On only when some
	// package invokes an interface method of their name.
	Converted []string
	// Invokes lists the names of the methods of interfaces declared
	// outside the standard library that the package calls or takes as
	// values (sorted).
	Invokes []string
}

func (*jobUsesFact) AFact() {}

func (f *jobUsesFact) String() string {
	return fmt.Sprintf("jobuses(off %d, on %d, converted %d, invokes %d, reported %d)", len(f.Off), len(f.On), len(f.Converted), len(f.Invokes), len(f.Found))
}

// internalPath reports whether a package path has an internal segment:
// only the packages of its own tree may import it.
func internalPath(path string) bool {
	return slices.Contains(strings.Split(path, "/"), "internal")
}

// jobEntries returns the functions of the package whose findings wait for
// their users: exported, not generic, used in the package outside its
// tests only off the request path (in a command, a migration or a job:
// openfga's ValidateAllAuthorizationModels, which only its package's
// cobra command calls), or, in an internal package, not at all; and, for
// a method, with no value of a type that has it converted to an interface
// of another module that has it. A package that is not internal may be
// imported by other modules: its unused exported functions are its API,
// and are reported as they are.
func (c *checker) jobEntries() map[*types.Func]*ast.FuncDecl {
	if !c.wholeProgram || c.library || c.background || c.pass.Pkg.Name() == "main" || c.pkgOffpath != "" {
		return nil
	}
	internal := internalPath(c.pass.Pkg.Path())
	info := c.pass.TypesInfo
	entries := make(map[*types.Func]*ast.FuncDecl)
	for _, f := range c.pass.Files {
		for _, d := range f.Decls {
			fd, ok := d.(*ast.FuncDecl)
			if !ok || fd.Body == nil || !fd.Name.IsExported() || fd.Type.TypeParams != nil || c.declOffpath(fd, f) != "" {
				continue
			}
			fn, ok := info.Defs[fd.Name].(*types.Func)
			if !ok || fn.Name() == "init" {
				continue
			}
			if recv := fn.Signature().Recv(); recv != nil {
				t := recv.Type()
				if p, ok := types.Unalias(t).(*types.Pointer); ok {
					t = p.Elem()
				}
				if n, ok := types.Unalias(t).(*types.Named); !ok || n.TypeParams().Len() > 0 {
					continue
				}
			}
			entries[fn] = fd
		}
	}
	if len(entries) == 0 {
		return nil
	}
	used := make(map[string]bool)
	for id, obj := range info.Uses {
		if fn, ok := obj.(*types.Func); ok && entries[fn.Origin()] != nil && !c.inTestFile(id.Pos()) {
			used[analysisutil.FullName(fn.Origin())] = true
		}
	}
	if len(used) > 0 {
		onPath, _ := c.entryUses(used)
		for fn := range entries {
			if name := analysisutil.FullName(fn); used[name] && onPath[name] {
				delete(entries, fn)
			}
		}
	}
	if !internal {
		for fn := range entries {
			if !used[analysisutil.FullName(fn)] {
				delete(entries, fn)
			}
		}
	}
	names := make(map[string]bool)
	for fn := range entries {
		if fn.Signature().Recv() != nil {
			names[analysisutil.FullName(fn)] = true
		}
	}
	invoked := c.invokedNames()
	for name, conv := range c.convertedMethods(names) {
		for fn := range entries {
			if analysisutil.FullName(fn) != name {
				continue
			}
			if conv.foreign || slices.Contains(invoked, fn.Name()) {
				delete(entries, fn) // any caller of the interface may run it
				continue
			}
			if c.jobConverted == nil {
				c.jobConverted = make(map[*types.Func]bool)
			}
			c.jobConverted[fn] = true
		}
	}
	return entries
}

// inTestFile reports whether pos is in a _test.go file.
func (c *checker) inTestFile(pos token.Pos) bool {
	return strings.HasSuffix(c.pass.Fset.Position(pos).Filename, "_test.go")
}

// A conversion says where a method was first converted to an interface
// that has it, and whether one of its conversions is to an interface
// declared outside the package's module (or the module is unknown):
// code the program does not hold may call such a method (net/http calls
// ServeHTTP). The methods of the module's own interfaces run only when a
// package of the program invokes them: those that none invokes are for
// code outside the program (the core's side of a plugin API, handed to
// plugins to call).
type conversion struct {
	pos     token.Pos
	foreign bool
}

// convertedMethods returns, of the methods named (by full name), those
// the package may call through an interface: a value of a type that has
// the method is converted to an interface that has a method of its name
// (in the package's functions, literals and package initialisation, test
// files aside). Without SSA, every method named is, foreign.
func (c *checker) convertedMethods(names map[string]bool) map[string]conversion {
	out := make(map[string]conversion)
	if len(names) == 0 {
		return out
	}
	var funcs []*ssa.Function
	if res, ok := c.pass.ResultOf[ssabuild.Analyzer].(*ssabuild.Result); ok && res != nil {
		if pkg, fs := res.SSA(); pkg != nil {
			funcs = slices.Concat(fs, []*ssa.Function{pkg.Func("init")})
		}
	}
	if funcs == nil {
		for name := range names {
			out[name] = conversion{pos: token.NoPos, foreign: true}
		}
		return out
	}
	for _, f := range funcs {
		if f == nil {
			continue
		}
		for _, b := range f.Blocks {
			for _, instr := range b.Instrs {
				mi, ok := instr.(*ssa.MakeInterface)
				if !ok {
					continue
				}
				if mi.Pos().IsValid() && c.inTestFile(mi.Pos()) {
					continue
				}
				iface, ok := mi.Type().Underlying().(*types.Interface)
				if !ok || iface.NumMethods() == 0 {
					continue // any: no method comes along
				}
				ms := types.NewMethodSet(mi.X.Type())
				for i := 0; i < iface.NumMethods(); i++ {
					sel := ms.Lookup(iface.Method(i).Pkg(), iface.Method(i).Name())
					if sel == nil {
						continue
					}
					if m, ok := sel.Obj().(*types.Func); ok && names[analysisutil.FullName(m)] {
						name := analysisutil.FullName(m)
						conv, seen := out[name]
						if !seen {
							conv.pos = mi.Pos()
						}
						conv.foreign = conv.foreign || !c.ownModule(iface.Method(i).Pkg())
						out[name] = conv
					}
				}
			}
		}
	}
	return out
}

// deferJobEntries runs report with the findings in the bodies of the
// package's job entries held back (not in function literals: a literal
// may be handed on, a handler registered with a router), and so are the
// calls in their loops that wait for the implementations of an interface
// (reach.go), with the function named.
func (c *checker) deferJobEntries(report func()) {
	c.jobDecls = c.jobEntries()
	if len(c.jobDecls) == 0 {
		report()
		return
	}
	orig := c.pass.Report
	c.pass.Report = func(d analysis.Diagnostic) {
		fn := c.entryAt(c.jobDecls, d.Pos)
		switch {
		case fn == nil && c.jobHolds[d.Pos] != nil:
			// A helper's finding, held for the entries that hand it its
			// list (jobowned.go).
			if c.pass.Suppressed != nil && c.pass.Suppressed(d) {
				return
			}
			held := true
			for _, e := range c.jobHolds[d.Pos] {
				held = c.holdJob(e, d) && held
			}
			if !held {
				orig(d)
			}
		case fn == nil:
			orig(d)
		case c.pass.Suppressed != nil && c.pass.Suppressed(d):
		case !c.holdJob(analysisutil.FullName(fn), d):
			orig(d)
		}
	}
	report()
	c.pass.Report = orig
}

// holdJob holds a finding of a loop in an exported function for the
// function's users to decide on, and reports whether it could: its
// positions must survive in a fact. A finding with no position only
// names the function as one whose findings are held.
func (c *checker) holdJob(fn string, d analysis.Diagnostic) bool {
	if c.jobHeld == nil {
		c.jobHeld = make(map[string][]wp.Found)
	}
	if !d.Pos.IsValid() {
		if _, ok := c.jobHeld[fn]; !ok {
			c.jobHeld[fn] = nil
		}
		return true
	}
	site, ok := wp.SiteOf(c.pass.Fset, d.Pos, d.End)
	if !ok {
		return false
	}
	f, ok := wp.FoundOf(c.pass.Fset, "job:"+site.Key(), d)
	if !ok {
		return false
	}
	c.jobHeld[fn] = append(c.jobHeld[fn], f)
	return true
}

// entryAt returns the job entry whose body holds pos outside function
// literals, if there is one.
func (c *checker) entryAt(entries map[*types.Func]*ast.FuncDecl, pos token.Pos) *types.Func {
	for fn, fd := range entries {
		if pos < fd.Body.Pos() || pos >= fd.Body.End() {
			continue
		}
		inLit := false
		ast.Inspect(fd.Body, func(n ast.Node) bool {
			if inLit || n == nil {
				return false
			}
			if lit, ok := n.(*ast.FuncLit); ok && lit.Pos() <= pos && pos < lit.End() {
				inLit = true
			}
			return n.Pos() <= pos && pos < n.End()
		})
		if inLit {
			return nil
		}
		return fn
	}
	return nil
}

// resolveJobs classifies the package's uses of the functions whose
// findings are held, reports those of functions some package uses on the
// request path (or may) and reports again what its dependencies
// reported. It exports the findings the package holds and how it uses the
// functions.
func (c *checker) resolveJobs() {
	if c.library {
		return
	}
	pending := make(map[string][]wp.Found)
	on := make(map[string]bool)
	off := make(map[string]bool)
	converted := make(map[string]bool)
	var mine jobUsesFact
	if c.wholeProgram {
		// Only a driver that sees the whole program decides on held
		// methods by the names the program invokes.
		mine.Invokes = c.invokedNames()
	}
	invoked := make(map[string]bool)
	for _, name := range mine.Invokes {
		invoked[name] = true
	}
	var found []wp.Found
	for _, pf := range c.pass.AllPackageFacts() {
		if pf.Package == c.pass.Pkg {
			continue
		}
		switch f := pf.Fact.(type) {
		case *jobPendingFact:
			for _, e := range f.Entries {
				pending[e.Func] = append(pending[e.Func], e.Found...)
				converted[e.Func] = converted[e.Func] || e.Converted
			}
		case *jobUsesFact:
			for _, fn := range f.Off {
				off[fn] = true
			}
			for _, fn := range f.On {
				on[fn] = true
			}
			for _, fn := range f.Converted {
				converted[fn] = true
			}
			for _, name := range f.Invokes {
				invoked[name] = true
			}
			found = append(found, f.Found...)
		}
	}
	files := wp.NewFiles(c.pass.Fset)
	wp.ReportFound(files, found, c.pass.Report)
	if len(pending) > 0 {
		entries := make(map[string]bool)
		for fn := range pending {
			entries[fn] = true
		}
		uses, conv := c.entryUses(entries)
		for fn, onPath := range uses {
			if onPath {
				on[fn] = true
				mine.On = append(mine.On, fn)
			} else {
				off[fn] = true
				mine.Off = append(mine.Off, fn)
			}
		}
		for fn := range conv {
			converted[fn] = true
			mine.Converted = append(mine.Converted, fn)
		}
	}
	// This package's own held findings count once its users are known.
	for fn, fs := range c.jobHeld {
		pending[fn] = append(pending[fn], fs...)
	}
	for fn := range c.jobConverted {
		converted[analysisutil.FullName(fn)] = true
	}
	reported := make(map[string]bool)
	for _, f := range found {
		reported[f.Key] = true
	}
	for _, fn := range slices.Sorted(maps.Keys(pending)) {
		// Reported when a package uses the function on the request path,
		// or invokes the interface method a held method was converted
		// to; unused functions are dead code (or test helpers), and
		// methods of the module's interfaces that no package invokes are
		// for code outside the program (plugins), not requests.
		used := on[fn] || converted[fn] && invoked[methodName(fn)]
		if !used {
			continue
		}
		for _, f := range pending[fn] {
			if !reported[f.Key] {
				reported[f.Key] = true
				mine.Found = append(mine.Found, f)
			}
		}
	}
	wp.ReportFound(files, mine.Found, c.pass.Report)
	if len(mine.On) > 0 || len(mine.Off) > 0 || len(mine.Found) > 0 || len(mine.Converted) > 0 || len(mine.Invokes) > 0 {
		slices.Sort(mine.On)
		slices.Sort(mine.Off)
		slices.Sort(mine.Converted)
		c.pass.ExportPackageFact(&mine)
	}
	if len(c.jobHeld) > 0 {
		conv := make(map[string]bool)
		for fn := range c.jobConverted {
			conv[analysisutil.FullName(fn)] = true
		}
		fact := &jobPendingFact{}
		for _, fn := range slices.Sorted(maps.Keys(c.jobHeld)) {
			fact.Entries = append(fact.Entries, JobEntry{Func: fn, Found: c.jobHeld[fn], Converted: conv[fn]})
		}
		c.pass.ExportPackageFact(fact)
	}
}

// entryUses returns, for each pending function the package uses outside
// its test files, whether one of the uses may be on the request path
// (true) or all are off it (false): in a scheduled job (a literal or a
// function value handed to a scheduler, a goroutine started at start-up,
// a timer loop, a package of cron jobs), a migration or a command (not
// func main, which may serve requests), or a function of the package only
// those call. It also returns the methods the package converts to
// interfaces of its module only, which run when a package invokes them.
func (c *checker) entryUses(entries map[string]bool) (uses, converted map[string]bool) {
	if c.offLits == nil {
		c.scanOffpath()
		c.propagateOffpath()
		c.pkgOffpath = packageOffpath(c.pass.Pkg.Path())
	}
	info := c.pass.TypesInfo
	uses = make(map[string]bool)
	converted = make(map[string]bool)
	note := func(name string, onPath bool) {
		uses[name] = uses[name] || onPath
	}
	for _, f := range c.pass.Files {
		if c.inTestFile(f.Pos()) {
			continue
		}
		for _, d := range f.Decls {
			fd, _ := d.(*ast.FuncDecl)
			declOff := c.pkgOffpath != ""
			startup := false
			if fd != nil {
				isMain := fd.Recv == nil && fd.Name.Name == "main" && c.pass.Pkg.Name() == "main"
				declOff = declOff || !isMain && c.declOffpath(fd, f) != ""
				startup = initName(fd.Name.Name)
			}
			var offs []bool
			var schedArgs []ast.Expr // arguments handed to a scheduler
			ast.Inspect(d, func(n ast.Node) bool {
				if n == nil {
					offs = offs[:len(offs)-1]
					return true
				}
				inOff := declOff || len(offs) > 0 && offs[len(offs)-1] || c.startsJob(n, startup)
				if lit, ok := n.(*ast.FuncLit); ok && c.offLits[lit] != "" {
					inOff = true
				}
				if e, ok := n.(ast.Expr); ok && slices.Contains(schedArgs, e) {
					inOff = true
				}
				offs = append(offs, inOff)
				switch n := n.(type) {
				case *ast.CallExpr:
					for _, i := range c.schedulerArgs(analysisutil.Callee(info, n)) {
						if i < len(n.Args) {
							schedArgs = append(schedArgs, ast.Unparen(n.Args[i]))
						}
					}
				case *ast.Ident:
					if fn, ok := info.Uses[n].(*types.Func); ok {
						if name := analysisutil.FullName(fn); entries[name] {
							note(name, !inOff)
						}
					}
				}
				return true
			})
		}
	}
	methods := make(map[string]bool)
	for name := range entries {
		if strings.HasPrefix(name, "(") {
			methods[name] = true
		}
	}
	for name, conv := range c.convertedMethods(methods) {
		if conv.foreign {
			note(name, true)
		} else {
			converted[name] = true
		}
	}
	return uses, converted
}
