package pagesize

import (
	"go/types"

	"golang.org/x/tools/go/ssa"

	"github.com/perfvet/perfvet/analyzers/internal/knowledge"
)

// libraryMethod returns, for a call through a program's own interface
// (sqlc's DBTX, a Querier), the method of the first database library type
// the knowledge tables describe that implements the interface and the
// package can see: QueryContext on DBTX is (*sql.DB).QueryContext. It
// returns the callee itself for any other call.
func (c *checker) libraryMethod(common *ssa.CallCommon, fn *types.Func) *types.Func {
	if !common.IsInvoke() || fn.Pkg() == nil || knowledge.IsDescribed(fn.Pkg().Path()) {
		return fn
	}
	iface, ok := common.Value.Type().Underlying().(*types.Interface)
	if !ok {
		return fn
	}
	if m, ok := c.invokeCache[fn]; ok {
		return m
	}
	c.invokeCache[fn] = fn
	for _, t := range c.libraryTypes() {
		if !types.Implements(t, iface) {
			continue
		}
		obj, _, _ := types.LookupFieldOrMethod(t, true, fn.Pkg(), fn.Name())
		if m, ok := obj.(*types.Func); ok {
			if _, ok := knowledge.LookupRoundTrip(m, t); ok {
				c.invokeCache[fn] = m
				return m
			}
		}
	}
	return fn
}

// libraryTypes are the library types of knowledge.Implementations that
// the package imports, directly or not, as the types a call uses (a
// pointer for a struct, the interface itself for pgx.Tx).
func (c *checker) libraryTypes() []types.Type {
	if c.libTypes != nil {
		return c.libTypes
	}
	c.libTypes = []types.Type{}
	pkgs := make(map[string]*types.Package)
	var visit func(p *types.Package)
	visit = func(p *types.Package) {
		for _, imp := range p.Imports() {
			if pkgs[imp.Path()] == nil {
				pkgs[imp.Path()] = imp
				visit(imp)
			}
		}
	}
	visit(c.pass.Pkg)
	for _, ref := range knowledge.Implementations {
		p := pkgs[ref.Pkg]
		if p == nil {
			continue
		}
		tn, ok := p.Scope().Lookup(ref.Name).(*types.TypeName)
		if !ok {
			continue
		}
		t := tn.Type()
		if !types.IsInterface(t) {
			t = types.NewPointer(t)
		}
		c.libTypes = append(c.libTypes, t)
	}
	return c.libTypes
}
