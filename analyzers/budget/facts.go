package budget

import (
	"fmt"
	"strings"
)

// A costFact is the costliest path of an exported function: the
// operations it runs, with their counts, and the bound on the rows it
// returns when it returns a query's result.
type costFact struct {
	Ops []Op
	// Rows bounds the rows the function returns, when it returns what a
	// multi-row query read: the query's LIMIT, or the plan's
	// max_page_size; 0 when it returns no query result.
	Rows    int
	RowsWhy string // "LIMIT" or "max_page_size"
	// RowsFrom names the open interface call whose result the function
	// returns, when Rows is only the page assumed for it (see bound.from).
	RowsFrom string
}

func (*costFact) AFact() {}

func (f *costFact) String() string {
	parts := make([]string, 0, len(f.Ops))
	for _, o := range f.Ops {
		parts = append(parts, o.String())
	}
	s := "cost(" + strings.Join(parts, ", ") + ")"
	if f.Rows > 0 {
		s += fmt.Sprintf(" rows(%d %s)", f.Rows, f.RowsWhy)
		if f.RowsFrom != "" {
			s += " from " + f.RowsFrom
		}
	}
	return s
}

func (f *costFact) empty() bool { return f == nil || len(f.Ops) == 0 && f.Rows == 0 }

// An implsFact lists the package's named types with an exported method
// that runs costly operations: the implementations another package's
// interface calls may reach.
type implsFact struct {
	Types []string
}

func (*implsFact) AFact() {}

func (f *implsFact) String() string { return "impls(" + strings.Join(f.Types, " ") + ")" }
