package pagesize

import (
	"go/token"
	"go/types"
	"regexp"
	"strings"

	"golang.org/x/tools/go/ssa"

	"github.com/perfvet/perfvet/analyzers/internal/knowledge"
)

// This file finds page sizes written into the SQL text itself rather
// than bound to a placeholder: fmt.Sprintf("... LIMIT %d", n), "... LIMIT
// " + strconv.Itoa(n), b.WriteString(" LIMIT "); b.WriteString(...).

// limitEnd matches text that ends where the row count of a LIMIT (or a
// FETCH FIRST n ROWS) is written next.
var limitEnd = regexp.MustCompile(`(?i)(\bLIMIT|\bFETCH\s+(FIRST|NEXT))\s*$`)

// limitCountEnd matches MySQL's LIMIT offset, count up to the count (the
// offset a verb or a number).
var limitCountEnd = regexp.MustCompile(`(?i)\bLIMIT\s*(%[-+# 0-9.]*[a-zA-Z]|\d+)\s*,\s*$`)

// offsetCountStart matches a format that writes the operands of MySQL's
// LIMIT offset, count: "%d, %d", "0, %d".
var offsetCountStart = regexp.MustCompile(`^\s*(%[-+# 0-9.]*[a-zA-Z]|\d+)\s*,\s*%`)

// sqlAfterCount matches what SQL may write after the row count of a
// LIMIT or FETCH FIRST: nothing, a comma (LIMIT offset, count), OFFSET,
// ROWS ONLY, a closing parenthesis, a semicolon, a clause that may follow
// (FOR UPDATE, UNION), or a placeholder or verb of the next fragment.
var sqlAfterCount = regexp.MustCompile(`(?is)^\s*($|,|\)|;|%|\$|\?|(OFFSET|ROWS?|ONLY|FOR|UNION|ORDER|LOCK|RETURNING)\b)`)

// offsetCountNext matches the text after the offset of LIMIT offset,
// count.
var offsetCountNext = regexp.MustCompile(`^\s*,\s*%`)

// formatSinks returns the arguments of a call to a formatting function
// (fmt.Sprintf, fmt.Fprintf) whose constant format writes them as the
// row count of a LIMIT.
func formatSinks(common *ssa.CallCommon, key string) []ssa.Value {
	i, ok := knowledge.SQLFormats[key]
	if !ok || i >= len(common.Args) {
		return nil
	}
	format, ok := constString(common.Args[i])
	if !ok || !strings.Contains(strings.ToUpper(format), "LIMIT") && !strings.Contains(strings.ToUpper(format), "FETCH") {
		return nil
	}
	if i+1 >= len(common.Args) {
		return nil
	}
	args := variadic(common.Args[i+1])
	var out []ssa.Value
	for _, n := range limitVerbs(format) {
		if n < len(args) && args[n] != nil {
			out = append(out, args[n])
		}
	}
	return out
}

// limitVerbs returns the indexes of the operands of format written as the
// row count of a LIMIT; none if the format uses explicit argument indexes
// or * widths, whose operands it does not count.
func limitVerbs(format string) []int {
	var out []int
	arg := 0
	for i := 0; i < len(format); i++ {
		if format[i] != '%' {
			continue
		}
		start := i
		i++
		for i < len(format) && strings.IndexByte("-+# 0123456789.", format[i]) >= 0 {
			i++
		}
		if i >= len(format) {
			break
		}
		switch format[i] {
		case '%':
			continue
		case '[', '*':
			return nil
		}
		before, after := format[:start], format[i+1:]
		count := strings.IndexByte("dvs", format[i]) >= 0 && sqlAfterCount.MatchString(after)
		switch {
		case !count:
			// A quoted operand (%q) or prose after it ("limit %q is
			// invalid", "limit %d exceeds the maximum"): a message that
			// names the parameter, not a LIMIT (dendrite's backfill
			// error, judged false when reported).
		case limitCountEnd.MatchString(before):
			out = append(out, arg)
		case limitEnd.MatchString(before) && !offsetCountNext.MatchString(after):
			out = append(out, arg) // not the offset of LIMIT offset, count
		}
		arg++
	}
	return out
}

// countVerbs returns the operands a format writes as the row count when
// it writes both operands of LIMIT offset, count ("%d, %d" after "LIMIT
// "), and false for any other format, all of whose operands may be the
// count. writefreely's admin list writes (page-1)*n, n into "LIMIT " +
// s: the page number is the offset.
func countVerbs(format string) ([]int, bool) {
	if !offsetCountStart.MatchString(format) {
		return nil, false
	}
	return limitVerbs("LIMIT " + format), true
}

// concatSink returns the operand of a string concatenation written as the
// row count of a LIMIT: y in x + y where x ends with "LIMIT ".
func concatSink(b *ssa.BinOp) ssa.Value {
	if b.Op != token.ADD || !isString(b.Type()) {
		return nil
	}
	if limitEnd.MatchString(lastText(b.X)) {
		return b.Y
	}
	return nil
}

// lastText returns the constant text a string value ends with: the
// constant itself, or the last constant of a concatenation.
func lastText(v ssa.Value) string {
	for range 32 {
		switch x := v.(type) {
		case *ssa.Const:
			s, _ := constString(x)
			return s
		case *ssa.BinOp:
			if x.Op != token.ADD {
				return ""
			}
			v = x.Y
			continue
		}
		return ""
	}
	return ""
}

// writeSink returns the value a write to a strings.Builder or
// bytes.Buffer writes right after a constant text that ends with
// "LIMIT " on the same builder, in the same block.
func writeSink(call ssa.CallInstruction, key string) ssa.Value {
	common := call.Common()
	w, val, ok := builderWrite(common, key)
	if !ok {
		return nil
	}
	instrs := call.Block().Instrs
	for i := indexOf(call) - 1; i >= 0; i-- {
		prev, ok := instrs[i].(ssa.CallInstruction)
		if !ok {
			continue
		}
		pw, pval, ok := builderWrite(prev.Common(), calleeKey(prev.Common()))
		if !ok || !sameBuilder(pw, w) {
			continue
		}
		text, _ := constString(pval)
		if limitEnd.MatchString(text) {
			return val
		}
		return nil
	}
	return nil
}

// builderWrite returns the builder and the value of a write of one
// string to a builder: b.WriteString(s), fmt.Fprint(&b, s).
func builderWrite(common *ssa.CallCommon, key string) (builder, val ssa.Value, ok bool) {
	switch {
	case knowledge.BuilderWrites[key]:
		if len(common.Args) == 2 {
			return common.Args[0], common.Args[1], true
		}
	case key == "fmt.Fprint":
		if len(common.Args) == 2 {
			if elems := variadic(common.Args[1]); len(elems) == 1 && elems[0] != nil {
				return common.Args[0], elems[0], true
			}
		}
	}
	return nil, nil, false
}

// sameBuilder reports whether two builder operands are the same builder
// (up to a conversion to io.Writer).
func sameBuilder(a, b ssa.Value) bool {
	unwrap := func(v ssa.Value) ssa.Value {
		if mi, ok := v.(*ssa.MakeInterface); ok {
			return mi.X
		}
		return v
	}
	return unwrap(a) == unwrap(b)
}

func isString(t types.Type) bool {
	b, ok := t.Underlying().(*types.Basic)
	return ok && b.Info()&types.IsString != 0
}
