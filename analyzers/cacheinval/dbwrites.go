package cacheinval

import (
	"go/types"
	"reflect"
	"strings"
	"unicode"

	"golang.org/x/tools/go/ssa"

	"github.com/perfvet/perfvet/analyzers/internal/analysisutil"
	"github.com/perfvet/perfvet/analyzers/internal/flow"
	"github.com/perfvet/perfvet/analyzers/internal/knowledge"
	"github.com/perfvet/perfvet/analyzers/internal/sqltext"
)

// This file tells what a database call does to tables: which table's
// existing rows it changes (an UPDATE, DELETE or upsert, which leaves the
// cache entries of that table stale) and which tables it reads (the
// source of a read-through's value), from the SQL text or from the model
// of a GORM or bun call (knowledge.ORMTableReads, ORMTableChanges).

// dbEffects returns the tables a database round trip reads, and the
// change it makes to existing rows, if any.
func (c *checker) dbEffects(common *ssa.CallCommon, fn *types.Func, rt knowledge.RoundTrip) ([]string, *Mut) {
	if rt.Tx {
		return nil, nil
	}
	if rt.SQL {
		text, ok := c.sqlText(common, fn, rt)
		if !ok {
			return nil, nil
		}
		st := sqltext.Parse(text)
		if st.Reads() {
			tables := make([]string, 0, len(st.Tables))
			for _, t := range st.Tables {
				tables = append(tables, tableName(t))
			}
			return tables, nil
		}
		if t := sqltext.Modified(text); t != "" {
			return nil, &Mut{Table: tableName(t), Verb: st.Verb}
		}
		return nil, nil
	}
	switch rt.Lib {
	case knowledge.LibGORM:
		return c.gormEffects(common, fn)
	case knowledge.LibBun:
		return c.bunEffects(common, fn)
	}
	return nil, nil
}

// sqlText returns the constant text of a call's SQL argument; the parts
// built at run time read as '*'.
func (c *checker) sqlText(common *ssa.CallCommon, fn *types.Func, rt knowledge.RoundTrip) (string, bool) {
	i := rt.SQLArg(fn)
	arg := argAt(common, i)
	if arg == nil {
		return "", false
	}
	s, p := c.shapeOf(arg)
	if p >= 0 || !strings.ContainsAny(s, " \t\n") {
		return "", false
	}
	return s, true
}

// gormEffects reads GORM v2's finishers (knowledge.ORMTableReads and
// ORMTableChanges): the table is their model argument's
// (knowledge.ORMModelArgs: First(&user), Delete(&user)), or else the one
// their chain's Model or Table names.
func (c *checker) gormEffects(common *ssa.CallCommon, fn *types.Func) ([]string, *Mut) {
	key := knowledge.FuncKey(fn)
	reads, changes := knowledge.ORMTableReads[key], knowledge.ORMTableChanges[key]
	if !reads && !changes {
		return nil, nil
	}
	table := ""
	if i, ok := knowledge.ORMModelArgs[key]; ok {
		table = modelTableOf(c, argAt(common, i))
	}
	if table == "" {
		table = c.chainTable(receiverOf(common), knowledge.GORM)
	}
	if table == "" {
		return nil, nil
	}
	if reads {
		return []string{table}, nil
	}
	return nil, &Mut{Table: table, Verb: "GORM " + fn.Name()}
}

// bunEffects reads bun's executors (knowledge.ORMTableReads and
// ORMTableChanges): a SelectQuery reads its table; an UpdateQuery or
// DeleteQuery changes its rows. The table is the one the chain's Model or
// Table names, or else the model a Scan scans into.
func (c *checker) bunEffects(common *ssa.CallCommon, fn *types.Func) ([]string, *Mut) {
	key := knowledge.FuncKey(fn)
	reads, changes := knowledge.ORMTableReads[key], knowledge.ORMTableChanges[key]
	if !reads && !changes {
		return nil, nil
	}
	table := c.chainTable(receiverOf(common), knowledge.Bun)
	if i, ok := knowledge.ORMModelArgs[key]; ok && table == "" {
		table = modelTableOf(c, argAt(common, i))
	}
	if table == "" {
		return nil, nil
	}
	if reads {
		return []string{table}, nil
	}
	return nil, &Mut{Table: table, Verb: "bun " + strings.TrimSuffix(namedIn(recvType(fn), knowledge.Bun), "Query")}
}

// chainTable walks a query builder's chain back from the finisher's
// receiver to its Model(x) or Table("name") call.
func (c *checker) chainTable(v ssa.Value, pkg string) string {
	for range maxDepth {
		call, ok := v.(*ssa.Call)
		if !ok {
			return ""
		}
		fn := staticCallee(call.Common())
		if fn == nil || fn.Pkg() == nil || fn.Pkg().Path() != pkg || len(call.Common().Args) == 0 {
			return ""
		}
		switch fn.Name() {
		case knowledge.ORMModelMethod:
			if len(call.Common().Args) > 1 {
				return modelTableOf(c, call.Common().Args[1])
			}
		case knowledge.ORMTableMethod:
			if len(call.Common().Args) > 1 {
				if s, ok := constString(call.Common().Args[1]); ok {
					return tableName(strings.Fields(s + " ")[0])
				}
			}
			return ""
		}
		v = call.Common().Args[0]
	}
	return ""
}

// modelTableOf returns the table of the model a value holds.
func modelTableOf(c *checker, v ssa.Value) string {
	if v == nil {
		return ""
	}
	return c.modelTable(flow.Unconvert(v).Type())
}

// modelTable returns the table an ORM maps a model type to: a TableName()
// method's constant result (through its fact), a bun "table:" tag, or the
// default: the type's name in snake case, pluralised.
func (c *checker) modelTable(t types.Type) string {
	for range 4 {
		switch u := types.Unalias(t).(type) {
		case *types.Pointer:
			t = u.Elem()
			continue
		case *types.Slice:
			t = u.Elem()
			continue
		case *types.Array:
			t = u.Elem()
			continue
		}
		break
	}
	named, ok := types.Unalias(t).(*types.Named)
	if !ok {
		return ""
	}
	st, ok := named.Underlying().(*types.Struct)
	if !ok {
		return ""
	}
	obj, _, _ := types.LookupFieldOrMethod(types.NewPointer(named), true, named.Obj().Pkg(), "TableName")
	if m, ok := obj.(*types.Func); ok {
		if f := c.factOf(m); f != nil && f.Key != "" && !strings.Contains(f.Key, "*") {
			return tableName(f.Key)
		}
		return "" // a TableName perfvet cannot read: no guess
	}
	for i := 0; i < st.NumFields(); i++ {
		if !st.Field(i).Embedded() || !analysisutil.IsNamed(st.Field(i).Type(), knowledge.Bun, knowledge.BunBaseModel) {
			continue
		}
		tag := reflect.StructTag(st.Tag(i)).Get("bun")
		for _, part := range strings.Split(tag, ",") {
			if name, ok := strings.CutPrefix(part, "table:"); ok {
				return tableName(name)
			}
		}
	}
	return plural(snake(named.Obj().Name()))
}

// tableName normalises a table name for comparison: unquoted, without
// its schema, lower case.
func tableName(s string) string {
	s = strings.Trim(s, "\"`[]")
	if i := strings.LastIndexByte(s, '.'); i >= 0 {
		s = s[i+1:]
	}
	return strings.ToLower(strings.Trim(s, "\"`[]"))
}

func snake(s string) string {
	var b strings.Builder
	rs := []rune(s)
	for i, r := range rs {
		if unicode.IsUpper(r) {
			if i > 0 && (unicode.IsLower(rs[i-1]) || i+1 < len(rs) && unicode.IsLower(rs[i+1]) && unicode.IsUpper(rs[i-1])) {
				b.WriteByte('_')
			}
			b.WriteRune(unicode.ToLower(r))
			continue
		}
		b.WriteRune(r)
	}
	return b.String()
}

func plural(s string) string {
	switch {
	case strings.HasSuffix(s, "y") && len(s) > 1 && !strings.ContainsRune("aeiou", rune(s[len(s)-2])):
		return s[:len(s)-1] + "ies"
	case strings.HasSuffix(s, "s"), strings.HasSuffix(s, "x"), strings.HasSuffix(s, "ch"), strings.HasSuffix(s, "sh"):
		return s + "es"
	}
	return s + "s"
}

// argAt returns a call's argument i, the receiver not counted, or nil.
func argAt(common *ssa.CallCommon, i int) ssa.Value {
	if i < 0 {
		return nil
	}
	if !common.IsInvoke() && common.Signature().Recv() != nil {
		i++
	}
	if i >= len(common.Args) {
		return nil
	}
	return common.Args[i]
}

// receiverOf returns a static method call's receiver, or nil.
func receiverOf(common *ssa.CallCommon) ssa.Value {
	if common.IsInvoke() {
		return common.Value
	}
	if common.Signature().Recv() != nil && len(common.Args) > 0 {
		return common.Args[0]
	}
	return nil
}

func recvType(fn *types.Func) types.Type {
	sig, ok := fn.Type().(*types.Signature)
	if !ok || sig.Recv() == nil {
		return nil
	}
	return sig.Recv().Type()
}
