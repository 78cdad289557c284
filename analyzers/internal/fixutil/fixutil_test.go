package fixutil

import (
	"go/ast"
	"go/importer"
	"go/parser"
	"go/token"
	"go/types"
	"testing"
	"time"
)

func TestDuration(t *testing.T) {
	for d, want := range map[time.Duration]string{
		30 * time.Second:        "30 * time.Second",
		time.Hour:               "time.Hour",
		24 * time.Hour:          "24 * time.Hour",
		90 * time.Minute:        "90 * time.Minute",
		1500 * time.Millisecond: "1500 * time.Millisecond",
		0:                       "",
		-time.Second:            "",
	} {
		if got := Duration(d, "time"); got != want {
			t.Errorf("Duration(%v) = %q, want %q", d, got, want)
		}
	}
}

func TestSize(t *testing.T) {
	for n, want := range map[int64]string{10 << 20: "10 << 20", 512 << 10: "512 << 10", 1000: "1000", 0: "0"} {
		if got := Size(n); got != want {
			t.Errorf("Size(%d) = %q, want %q", n, got, want)
		}
	}
}

// TestQualifier applies the import edit Qualifier returns to files of
// several shapes, and checks the name it gives where time is imported
// under another name or hidden by a local.
func TestQualifier(t *testing.T) {
	for _, tt := range []struct {
		name, src, want, qual string
		ok                    bool
	}{
		{"no imports", "package p\n\nfunc f() { _ = 1 }\n", "package p\n\nimport \"time\"\n\nfunc f() { _ = 1 }\n", "time", true},
		{"single import", "package p\n\nimport \"fmt\"\n\nfunc f() { fmt.Println() }\n", "package p\n\nimport (\n\t\"fmt\"\n\t\"time\"\n)\n\nfunc f() { fmt.Println() }\n", "time", true},
		{"block, sorted place", "package p\n\nimport (\n\t\"fmt\"\n\t\"unicode\"\n)\n\nfunc f() { fmt.Println(unicode.IsDigit('1')) }\n", "package p\n\nimport (\n\t\"fmt\"\n\t\"time\"\n\t\"unicode\"\n)\n\nfunc f() { fmt.Println(unicode.IsDigit('1')) }\n", "time", true},
		{"imported", "package p\n\nimport \"time\"\n\nfunc f() { _ = time.Now() }\n", "", "time", true},
		{"renamed", "package p\n\nimport tm \"time\"\n\nfunc f() { _ = tm.Now() }\n", "", "tm", true},
		{"shadowed", "package p\n\nfunc f(time int) { _ = time }\n", "", "", false},
		{"package-level name", "package p\n\nvar time = 1\n\nfunc f() { _ = time }\n", "", "", false},
	} {
		t.Run(tt.name, func(t *testing.T) {
			fset := token.NewFileSet()
			f, err := parser.ParseFile(fset, "p.go", tt.src, 0)
			if err != nil {
				t.Fatal(err)
			}
			info := &types.Info{Scopes: map[ast.Node]*types.Scope{}, Defs: map[*ast.Ident]types.Object{}, Uses: map[*ast.Ident]types.Object{}}
			pkg, err := (&types.Config{Importer: importer.Default()}).Check("p", fset, []*ast.File{f}, info)
			if err != nil {
				t.Fatal(err)
			}
			var at token.Pos
			ast.Inspect(f, func(n ast.Node) bool {
				if as, ok := n.(*ast.AssignStmt); ok {
					at = as.Pos()
				}
				return true
			})
			q, edits, ok := Qualifier(pkg, info, f, at, "time", "time")
			if ok != tt.ok || q != tt.qual {
				t.Fatalf("Qualifier = %q, %v; want %q, %v", q, ok, tt.qual, tt.ok)
			}
			if tt.want == "" {
				if len(edits) != 0 {
					t.Errorf("edits %v, want none", edits)
				}
				return
			}
			if len(edits) != 1 {
				t.Fatalf("edits %v, want one", edits)
			}
			e := edits[0]
			start, end := fset.Position(e.Pos).Offset, fset.Position(e.End).Offset
			if got := tt.src[:start] + string(e.NewText) + tt.src[end:]; got != tt.want {
				t.Errorf("after the edit:\n%s\nwant:\n%s", got, tt.want)
			}
		})
	}
}
