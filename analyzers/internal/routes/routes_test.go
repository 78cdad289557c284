package routes_test

import (
	"go/ast"
	"go/importer"
	"go/parser"
	"go/token"
	"go/types"
	"testing"

	"github.com/perfvet/perfvet/analyzers/internal/routes"
)

// TestMayRegister: a package that names no route registration, router
// operation or generated RegisterXServer is not looked at (no SSA is
// built for it); one that names one, directly or through an embedded
// router, is.
func TestMayRegister(t *testing.T) {
	fset := token.NewFileSet()
	imp := importer.ForCompiler(fset, "source", nil)
	for _, tc := range []struct {
		name, src string
		want      bool
	}{
		{"handlefunc", `package p
import "net/http"
func f(h http.HandlerFunc) { http.HandleFunc("/", h) }`, true},
		{"embedded mux", `package p
import "net/http"
type server struct{ *http.ServeMux }
func f(s server, h http.HandlerFunc) { s.HandleFunc("/", h) }`, true},
		{"grpc register", `package p
type registrar interface{}
func RegisterGreeterServer(s registrar, impl any) {}
func f(s registrar) { RegisterGreeterServer(s, nil) }`, true},
		{"client only", `package p
import "net/http"
func f(url string) { resp, err := http.Get(url); if err == nil { resp.Body.Close() } }`, false},
		{"no http", `package p
import "strings"
func f(s string) string { return strings.ToUpper(s) }`, false},
	} {
		t.Run(tc.name, func(t *testing.T) {
			f, err := parser.ParseFile(fset, tc.name+".go", tc.src, 0)
			if err != nil {
				t.Fatal(err)
			}
			info := &types.Info{Uses: make(map[*ast.Ident]types.Object)}
			if _, err := (&types.Config{Importer: imp}).Check("p", fset, []*ast.File{f}, info); err != nil {
				t.Fatal(err)
			}
			if got := routes.MayRegister(info); got != tc.want {
				t.Errorf("MayRegister = %v, want %v", got, tc.want)
			}
		})
	}
}
