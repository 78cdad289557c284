package timeouts

import (
	"fmt"
	"go/ast"
	"go/token"
	"go/types"
	"slices"
	"sort"
	"strings"

	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/types/objectpath"

	"github.com/perfvet/perfvet/analyzers/internal/analysisutil"
)

// One cause, one finding (see doc.go): a request path that calls a
// function whose fact says it does work with no request context is not
// reported at its call. The work's cause (Site.Cause: the function that
// contains the work and has no context parameter) is reported once, at its
// declaration, with the request-path calls that reach it as related
// positions.

// A reach is a cause and the request-path calls of this package that reach
// it.
type reach struct {
	site  Site
	calls []analysis.RelatedInformation
	// perSite are the calls as per-site findings, used when the cause's
	// position cannot be resolved here.
	perSite []analysis.Diagnostic
}

// reachCause records that a request-path call reaches the cause of
// detached work, or reports the call itself when the cause is not this
// module's to fix.
func (c *checker) reachCause(call *ast.CallExpr, fn *types.Func, s *Site, h *handler) {
	perSite := analysis.Diagnostic{
		Pos: call.Pos(), End: call.End(), Category: CategoryRequest,
		Message: fmt.Sprintf("%s runs %s with no request context (%s at %s), so it keeps running after the client has gone; pass the request's context%s down to it",
			c.display(call, fn), article(s.Kind), s.Via, s.Posn, h.ctxNote(c.pass.Pkg, call.Pos())),
	}
	if c.otherModule(fn) && !takesContextParam(fn) && !hasContextVariant(fn) {
		// A function of another module that takes no context and has
		// no variant that does: the program has no context to pass
		// (asynqmon's 24 calls of asynq.Inspector, koko's JumpServer
		// SDK: judged false when reported). The library is the cause,
		// and not this module's to change.
		return
	}
	if s.Cause == "" || !c.sameModule(s) {
		// A library's function that drops the context is not this
		// module's to change: each call of it is a decision of its own,
		// one with the package's other calls that reach it.
		c.sinkOf(call, s.Via)
		c.emit(perSite)
		return
	}
	key, _, ok := s.reportKey(c.layers)
	if !ok || s.Quiet || c.importedCauses()[key] {
		return // suppressed at the cause, or reported by an imported package
	}
	if c.causes == nil {
		c.causes = make(map[string]*reach)
	}
	r := c.causes[key]
	if r == nil {
		r = &reach{site: *s}
		c.causes[key] = r
	}
	msg := "request path: " + h.where + " calls " + c.display(call, fn)
	r.calls = append(r.calls, analysis.RelatedInformation{Pos: call.Pos(), End: call.End(), Message: msg})
	r.perSite = append(r.perSite, perSite)
}

// otherModule reports whether fn is declared outside this pass's module
// (a dependency or the standard library); false where the module is
// unknown, as in GOPATH mode.
func (c *checker) otherModule(fn *types.Func) bool {
	if c.pass.Module == nil || c.pass.Module.Path == "" || fn == nil || fn.Pkg() == nil {
		return false
	}
	return !analysisutil.SameModule(c.pass.Module.Path)(fn.Pkg())
}

// takesContextParam reports whether fn has a context.Context parameter.
func takesContextParam(fn *types.Func) bool {
	params := fn.Signature().Params()
	for i := range params.Len() {
		if analysisutil.IsNamed(params.At(i).Type(), "context", "Context") {
			return true
		}
	}
	return false
}

// contextSuffixes name a function's variant that takes a context:
// QueryContext, GetWithContext, DoCtx.
var contextSuffixes = []string{"Context", "WithContext", "Ctx", "WithCtx"}

// contextSetters name a builder's method that gives the calls after it a
// context: google-api-go's call.Context(ctx), gorm's db.WithContext(ctx).
var contextSetters = []string{"Context", "WithContext", "Ctx", "WithCtx", "SetContext"}

// hasContextVariant reports whether the package of fn offers a way to
// run it with a context: a function or method of its name with one of
// contextSuffixes that takes a context.Context; for a method, a method of
// its receiver's type among contextSetters that does; or such a setter on
// a value fn returns (aws-sdk-go's GetObjectRequest returns a request
// with SetContext).
func hasContextVariant(fn *types.Func) bool {
	sig := fn.Signature()
	for i := range sig.Results().Len() {
		if setsContext(sig.Results().At(i).Type(), fn.Pkg()) {
			return true
		}
	}
	recv := sig.Recv()
	if recv == nil {
		for _, suffix := range contextSuffixes {
			if v, ok := fn.Pkg().Scope().Lookup(fn.Name() + suffix).(*types.Func); ok && takesContextParam(v) {
				return true
			}
		}
		return false
	}
	for _, suffix := range contextSuffixes {
		if methodTakesContext(recv.Type(), fn.Pkg(), fn.Name()+suffix) {
			return true
		}
	}
	return setsContext(recv.Type(), fn.Pkg())
}

// setsContext reports whether type t has a method among contextSetters
// that takes a context.Context.
func setsContext(t types.Type, pkg *types.Package) bool {
	return slices.ContainsFunc(contextSetters, func(name string) bool { return methodTakesContext(t, pkg, name) })
}

// methodTakesContext reports whether t (or *t) has a method of that name
// with a context.Context parameter.
func methodTakesContext(t types.Type, pkg *types.Package, name string) bool {
	if _, isPtr := t.(*types.Pointer); !isPtr {
		if _, isIface := t.Underlying().(*types.Interface); !isIface {
			t = types.NewPointer(t)
		}
	}
	sel := types.NewMethodSet(t).Lookup(pkg, name)
	if sel == nil {
		return false
	}
	m, ok := sel.Obj().(*types.Func)
	return ok && takesContextParam(m)
}

// sameModule reports whether the cause is in this pass's module (or either
// module is unknown, as in GOPATH mode).
func (c *checker) sameModule(s *Site) bool {
	if c.pass.Module == nil || c.pass.Module.Path == "" || s.CauseMod == "" {
		return true
	}
	return c.pass.Module.Path == s.CauseMod
}

// importedCauses returns the causes that the packages this one imports
// (directly or not) reported.
func (c *checker) importedCauses() map[string]bool {
	if c.imported != nil {
		return c.imported
	}
	c.imported = make(map[string]bool)
	for _, pf := range c.pass.AllPackageFacts() {
		if f, ok := pf.Fact.(*causesFact); ok && pf.Package != c.pass.Pkg {
			for _, k := range f.Causes {
				c.imported[k] = true
			}
		}
	}
	return c.imported
}

// reportCauses reports each cause reached from this package's request
// paths once, and exports the causes it reported.
func (c *checker) reportCauses() {
	if len(c.causes) == 0 {
		return
	}
	keys := make([]string, 0, len(c.causes))
	for k := range c.causes {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	var reported []string
	for _, k := range keys {
		r := c.causes[k]
		pos := c.resolveCause(&r.site)
		msg := causeMessage(&r.site, len(r.calls))
		if _, group, _ := r.site.reportKey(c.layers); group {
			pos = c.resolve(r.site.CausePkg, r.site.RecvObj, r.site.RecvFile, r.site.RecvLine)
			msg = recvMessage(&r.site, len(r.calls))
		}
		if !pos.IsValid() {
			// The cause's position is unknown here (an unexported
			// function under a per-package driver whose export data
			// does not locate it): report the calls, as before.
			for _, d := range r.perSite {
				c.pass.Report(d)
			}
			continue
		}
		c.pass.Report(analysis.Diagnostic{
			Pos: pos, End: pos, Category: CategoryRequest,
			Message: msg,
			Related: analysisutil.BoundedRelated(c.pass.Fset, r.calls),
		})
		reported = append(reported, k)
	}
	if len(reported) > 0 {
		c.pass.ExportPackageFact(&causesFact{Causes: reported})
	}
}

// causeMessage is the finding at a cause. It depends only on the cause
// and the number of request paths, so that the findings of several
// packages at one cause merge (internal/driver) into one.
func causeMessage(s *Site, paths int) string {
	how := "with " + s.How
	return fmt.Sprintf("%s runs %s %s (%s at %s); %s, and there the %s keeps running after the client has gone: give it a ctx parameter and pass the request's context down to it",
		s.Cause, article(s.Kind), how, s.CauseOp, s.Posn, analysisutil.ReachPhrase(paths, "request path"), s.Kind)
}

// recvMessage is the finding at a type several of whose methods are
// causes. Like causeMessage, it depends only on the type (as its package
// describes it) and the number of request paths.
func recvMessage(s *Site, paths int) string {
	members, layer := "methods of "+s.Recv, ""
	if s.pkgGroup() {
		members = "functions of " + s.Recv
	}
	if s.NoCtxLayer {
		layer = "; " + s.Recv + " takes no context anywhere"
	}
	if s.RecvCauses == 1 {
		return fmt.Sprintf("%s runs %s with no request context (%s%s, at %s); %s, and there the %s keeps running after the client has gone: give it a ctx parameter and pass the request's context down to it",
			s.RecvNames, article(s.Kind), s.CauseOp, layer, s.Posn, analysisutil.ReachPhrase(paths, "request path"), s.Kind)
	}
	return fmt.Sprintf("%d %s run %s with no request context (%s%s); %s, and there the work keeps running after the client has gone: give these %s a ctx parameter and pass the request's context down to them",
		s.RecvCauses, members, s.RecvWhat, s.RecvNames, layer, analysisutil.ReachPhrase(paths, "request path"), strings.Fields(members)[0])
}

// resolveCause returns the position of the cause's declaration in this
// pass's file set: through its object (the same object when the driver
// loads every package from source, as perfvet and golangci-lint do; the
// object from export data under go vet), else through its file and line,
// if the file set holds that file. NoPos if neither.
func (c *checker) resolveCause(s *Site) token.Pos {
	return c.resolve(s.CausePkg, s.CauseObj, s.CauseFile, s.CauseLine)
}

// resolve returns the position of an object of a package, given by its
// objectpath, else by its file and line; NoPos if neither resolves.
func (c *checker) resolve(pkgPath, objPath, file string, line int) token.Pos {
	if pkg := c.packageByPath(pkgPath); pkg != nil && objPath != "" {
		if obj, err := objectpath.Object(pkg, objectpath.Path(objPath)); err == nil && obj.Pos().IsValid() {
			return obj.Pos()
		}
	}
	if file == "" || line <= 0 {
		return token.NoPos
	}
	if c.files == nil {
		c.files = make(map[string]*token.File)
		c.pass.Fset.Iterate(func(f *token.File) bool {
			c.files[f.Name()] = f
			return true
		})
	}
	f := c.files[file]
	if f == nil || line > f.LineCount() {
		return token.NoPos
	}
	return f.LineStart(line)
}

// packageByPath finds a package among this one and its transitive imports.
func (c *checker) packageByPath(path string) *types.Package {
	if c.pkgs == nil {
		c.pkgs = make(map[string]*types.Package)
		var visit func(p *types.Package)
		visit = func(p *types.Package) {
			if c.pkgs[p.Path()] != nil {
				return
			}
			c.pkgs[p.Path()] = p
			for _, q := range p.Imports() {
				visit(q)
			}
		}
		visit(c.pass.Pkg)
	}
	return c.pkgs[path]
}
