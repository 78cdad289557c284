package nplusone

import (
	"fmt"
	"go/ast"
	"go/token"
	"go/types"
	"maps"
	"slices"
	"sort"
	"strings"

	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/ssa"

	"github.com/perfvet/perfvet/analyzers/internal/analysisutil"
	wp "github.com/perfvet/perfvet/analyzers/internal/reach"
	"github.com/perfvet/perfvet/analyzers/internal/ssabuild"
)

// Jobs started from other packages.
//
// A loop in an exported function that its own package never calls (a
// cleanup pass, CleanOrphanUploadFiles) runs as whatever other packages
// make of it: request work if a handler calls it, a job if only a cron
// job does. Its package cannot tell, so it hands the finding on in a
// jobPendingFact instead of reporting it, when the closed world of Go's
// internal packages holds: the package's path has an internal segment,
// so only its own module can call it. Each package that uses the
// function classifies its uses: a use in a scheduled job, a migration or
// a command (offpath.go) is off the request path; any other use (a call
// in a handler, a method value kept for later, a conversion of the
// receiver to an interface that has the method, under which any caller
// may call it) reports the finding there, at the loop, and lists it in a
// jobUsesFact, whose findings importers report again as they are. Uses
// in test files count for nothing. A package main reports the findings it
// sees that no package marked as used off the request path nor reported:
// a function no package of the program uses, or uses only in ways this
// file does not classify, stays reported. A finding is silent only when
// every use the program makes of the function is in a job.

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
}

// A jobUsesFact lists, by key, the pending findings a package uses off
// the request path only, and the findings it reported because it uses
// their function otherwise.
type jobUsesFact struct {
	Off   []string // sorted
	Found []wp.Found
}

func (*jobUsesFact) AFact() {}

func (f *jobUsesFact) String() string {
	return fmt.Sprintf("jobuses(off %d, reported %d)", len(f.Off), len(f.Found))
}

// internalPath reports whether a package path has an internal segment:
// only the packages of its own tree may import it.
func internalPath(path string) bool {
	return slices.Contains(strings.Split(path, "/"), "internal")
}

// jobEntries returns the functions of the package whose findings wait for
// their users: exported, not generic, never used in the package outside
// its tests, and, for a method, with no value of a type that has it
// converted to an interface that has it.
func (c *checker) jobEntries() map[*types.Func]*ast.FuncDecl {
	if c.library || c.background || c.pass.Pkg.Name() == "main" || !internalPath(c.pass.Pkg.Path()) || c.pkgOffpath != "" {
		return nil
	}
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
	for id, obj := range info.Uses {
		if fn, ok := obj.(*types.Func); ok && entries[fn.Origin()] != nil && !c.inTestFile(id.Pos()) {
			delete(entries, fn.Origin())
		}
	}
	names := make(map[string]bool)
	for fn := range entries {
		if fn.Signature().Recv() != nil {
			names[analysisutil.FullName(fn)] = true
		}
	}
	for name := range c.convertedMethods(names) {
		for fn := range entries {
			if analysisutil.FullName(fn) == name {
				delete(entries, fn)
			}
		}
	}
	return entries
}

// inTestFile reports whether pos is in a _test.go file.
func (c *checker) inTestFile(pos token.Pos) bool {
	return strings.HasSuffix(c.pass.Fset.Position(pos).Filename, "_test.go")
}

// convertedMethods returns, of the methods named (by full name), those
// the package may call through an interface: a value of a type that has
// the method is converted to an interface that has a method of its name
// (in the package's functions, literals and package initialisation, test
// files aside). Without SSA, every method named is.
func (c *checker) convertedMethods(names map[string]bool) map[string]token.Pos {
	out := make(map[string]token.Pos)
	if len(names) == 0 {
		return out
	}
	var funcs []*ssa.Function
	if res, ok := c.pass.ResultOf[ssabuild.Analyzer].(*ssabuild.Result); ok && res != nil {
		if pkg, fs := res.SSA(); pkg != nil {
			funcs = append(fs[:len(fs):len(fs)], pkg.Func("init"))
		}
	}
	if funcs == nil {
		for name := range names {
			out[name] = token.NoPos
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
				if !ok {
					continue
				}
				ms := types.NewMethodSet(mi.X.Type())
				for i := 0; i < iface.NumMethods(); i++ {
					sel := ms.Lookup(iface.Method(i).Pkg(), iface.Method(i).Name())
					if sel == nil {
						continue
					}
					if m, ok := sel.Obj().(*types.Func); ok && names[analysisutil.FullName(m)] {
						if _, seen := out[analysisutil.FullName(m)]; !seen {
							out[analysisutil.FullName(m)] = mi.Pos()
						}
					}
				}
			}
		}
	}
	return out
}

// deferJobEntries runs report with the findings in the bodies of the
// package's job entries held back (not in function literals: a literal
// may be handed on, a handler registered with a router), and exports
// them in a jobPendingFact.
func (c *checker) deferJobEntries(report func()) {
	entries := c.jobEntries()
	if len(entries) == 0 {
		report()
		return
	}
	byFunc := make(map[string][]wp.Found)
	orig := c.pass.Report
	c.pass.Report = func(d analysis.Diagnostic) {
		fn := c.entryAt(entries, d.Pos)
		if fn == nil {
			orig(d)
			return
		}
		if c.pass.Suppressed != nil && c.pass.Suppressed(d) {
			return
		}
		site, ok := wp.SiteOf(c.pass.Fset, d.Pos, d.End)
		if !ok {
			orig(d)
			return
		}
		f, ok := wp.FoundOf(c.pass.Fset, "job:"+site.Key(), d)
		if !ok {
			orig(d)
			return
		}
		name := analysisutil.FullName(fn)
		byFunc[name] = append(byFunc[name], f)
	}
	report()
	c.pass.Report = orig
	if len(byFunc) == 0 {
		return
	}
	fact := &jobPendingFact{}
	for name, found := range byFunc {
		fact.Entries = append(fact.Entries, JobEntry{Func: name, Found: found})
	}
	sort.Slice(fact.Entries, func(i, j int) bool { return fact.Entries[i].Func < fact.Entries[j].Func })
	c.pass.ExportPackageFact(fact)
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
// findings its dependencies hold back, reports those it uses on the
// request path (or may), reports again what its dependencies reported,
// and, in a package main, reports what no package used off the request
// path.
func (c *checker) resolveJobs() {
	if c.library {
		return
	}
	pending := make(map[string][]wp.Found)
	off := make(map[string]bool)
	var found []wp.Found
	for _, pf := range c.pass.AllPackageFacts() {
		if pf.Package == c.pass.Pkg {
			continue
		}
		switch f := pf.Fact.(type) {
		case *jobPendingFact:
			for _, e := range f.Entries {
				pending[e.Func] = append(pending[e.Func], e.Found...)
			}
		case *jobUsesFact:
			for _, k := range f.Off {
				off[k] = true
			}
			found = append(found, f.Found...)
		}
	}
	files := wp.NewFiles(c.pass.Fset)
	wp.ReportFound(files, found, c.pass.Report)
	if len(pending) == 0 {
		return
	}
	reported := make(map[string]bool)
	for _, f := range found {
		reported[f.Key] = true
	}
	uses := c.entryUses(pending)
	var mine jobUsesFact
	for _, name := range slices.Sorted(maps.Keys(uses)) {
		onPath := uses[name]
		for _, f := range pending[name] {
			switch {
			case onPath:
				if !reported[f.Key] {
					reported[f.Key] = true
					mine.Found = append(mine.Found, f)
				}
			case !off[f.Key]:
				off[f.Key] = true
				mine.Off = append(mine.Off, f.Key)
			}
		}
	}
	if c.pass.Pkg.Name() == "main" {
		// The program: what no package used off the request path is
		// reported, whatever its users (none, or unseen).
		for _, name := range slices.Sorted(maps.Keys(pending)) {
			for _, f := range pending[name] {
				if !off[f.Key] && !reported[f.Key] {
					reported[f.Key] = true
					mine.Found = append(mine.Found, f)
				}
			}
		}
	}
	wp.ReportFound(files, mine.Found, c.pass.Report)
	if len(mine.Off) > 0 || len(mine.Found) > 0 {
		sort.Strings(mine.Off)
		c.pass.ExportPackageFact(&mine)
	}
}

// entryUses returns, for each pending function the package uses outside
// its test files, whether one of the uses may be on the request path
// (true) or all are off it (false): in a scheduled job (a literal or a
// function value handed to a scheduler, a goroutine started at start-up,
// a timer loop, a package of cron jobs), a migration or a command (not
// func main, which may serve requests), or a function of the package only
// those call.
func (c *checker) entryUses(pending map[string][]wp.Found) map[string]bool {
	if c.offLits == nil {
		c.scanOffpath()
		c.propagateOffpath()
		c.pkgOffpath = packageOffpath(c.pass.Pkg.Path())
	}
	info := c.pass.TypesInfo
	uses := make(map[string]bool)
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
						if name := analysisutil.FullName(fn); pending[name] != nil {
							note(name, !inOff)
						}
					}
				}
				return true
			})
		}
	}
	methods := make(map[string]bool)
	for name := range pending {
		if strings.HasPrefix(name, "(") {
			methods[name] = true
		}
	}
	for name := range c.convertedMethods(methods) {
		note(name, true)
	}
	return uses
}
