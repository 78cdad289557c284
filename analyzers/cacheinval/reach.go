package cacheinval

import (
	"go/types"

	"golang.org/x/tools/go/ssa"

	"github.com/perfvet/perfvet/analyzers/internal/analysisutil"
)

// Calls through the program's own interfaces.
//
// A cache wrapper is often used through an interface (cache.Cache,
// implemented by *cache.Redis): the operations of the implementation the
// package can see (declared in it or in the packages it imports, directly
// or not) apply at the call, as they would through the concrete wrapper,
// so a write with no TTL through the interface is reported where its key
// is known. An implementation in a package the caller does not import is
// not seen (see doc.go).

// implOps returns the operations of the first implementation (by name)
// of an interface method whose fact has operations, with their parameter
// indexes moved to the call's arguments (an interface call's Args do not
// hold the receiver), and the implementation.
func (c *checker) implOps(common *ssa.CallCommon) ([]Op, *types.Func) {
	m := common.Method
	iface, ok := common.Value.Type().Underlying().(*types.Interface)
	if m == nil || !ok {
		return nil, nil
	}
	for _, fn := range c.implementations(iface, m) {
		f := c.factOf(fn)
		if f == nil || len(f.Ops) == 0 {
			continue
		}
		return shiftOps(f.Ops), fn // whole.go
	}
	return nil, nil
}

// recvShift maps a method's parameter index (receiver counted) to an
// interface call's argument index; the receiver and -1 give -1.
func recvShift(i int) int {
	if i <= 0 {
		return -1
	}
	return i - 1
}

// implementations returns the methods that implement an interface method
// among the named types of this package and of the packages of its module
// it imports (not libraries).
func (c *checker) implementations(iface *types.Interface, m *types.Func) []*types.Func {
	if c.impls == nil {
		mod := ""
		if c.pass.Module != nil {
			mod = c.pass.Module.Path
		}
		inModule := analysisutil.SameModule(mod)
		c.impls = analysisutil.NewImplFinder(c.pass.Pkg, func(p *types.Package) bool { return !isLibrary(p.Path()) && inModule(p) })
	}
	return c.impls.Implementations(iface, m)
}
