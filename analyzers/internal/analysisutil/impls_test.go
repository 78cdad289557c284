package analysisutil_test

import (
	"go/ast"
	"go/importer"
	"go/parser"
	"go/token"
	"go/types"
	"testing"

	"github.com/perfvet/perfvet/analyzers/internal/analysisutil"
)

// TestImplementationsInvalidType: a type that embeds a type the checker
// could not resolve (a dependency that did not type-check, as in
// github.com/slok/sloth@v0.16.0, where the sweep found cacheinval
// panicking) "implements" every interface for go/types while its method
// set lacks the method; it is no implementation, and no panic.
func TestImplementationsInvalidType(t *testing.T) {
	const src = `package p

type Store interface{ Get(id int) string }

type Broken struct{ missing.Meta }

type Real struct{}

func (Real) Get(id int) string { return "" }
`
	fset := token.NewFileSet()
	f, err := parser.ParseFile(fset, "p.go", src, 0)
	if err != nil {
		t.Fatal(err)
	}
	conf := types.Config{Importer: importer.Default(), Error: func(error) {}}
	pkg, _ := conf.Check("p", fset, []*ast.File{f}, nil)
	iface := pkg.Scope().Lookup("Store").Type().Underlying().(*types.Interface)
	m := iface.Method(0)
	impls := analysisutil.NewImplFinder(pkg, nil).Implementations(iface, m)
	got := make([]string, 0, len(impls))
	for _, fn := range impls {
		got = append(got, fn.FullName())
	}
	if len(got) != 1 || got[0] != "(p.Real).Get" {
		t.Errorf("implementations = %v, want [(p.Real).Get]", got)
	}
}
