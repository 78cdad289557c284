package analysisutil

import "go/types"

// ImportedPackages maps the paths of the packages pkg imports, directly or
// not, to them.
func ImportedPackages(pkg *types.Package) map[string]*types.Package {
	out := make(map[string]*types.Package)
	stack := []*types.Package{pkg}
	for len(stack) > 0 {
		p := stack[len(stack)-1]
		stack = stack[:len(stack)-1]
		for _, imp := range p.Imports() {
			if out[imp.Path()] == nil {
				out[imp.Path()] = imp
				stack = append(stack, imp)
			}
		}
	}
	return out
}

// LookupType finds a package-level type by package path in pkg or among
// the packages it imports (imported, from ImportedPackages).
func LookupType(pkg *types.Package, imported map[string]*types.Package, path, name string) *types.TypeName {
	p := pkg
	if p.Path() != path {
		p = imported[path]
	}
	if p == nil {
		return nil
	}
	tn, _ := p.Scope().Lookup(name).(*types.TypeName)
	return tn
}
