package cacheinval

import (
	"go/ast"
	"slices"
	"time"

	"golang.org/x/tools/go/ssa"

	"github.com/perfvet/perfvet/analyzers/internal/analysisutil"
	"github.com/perfvet/perfvet/analyzers/internal/knowledge"
)

// rueidisOps returns the operation of a rueidis command built by the
// chain that ends in this Build() call, walking it back to the Builder
// method that names the command.
func (c *checker) rueidisOps(instr ssa.CallInstruction) []Op {
	var steps []*ssa.Call // Build's receiver first, the command's first call last
	command := ""
	v := receiverOf(instr.Common())
	for range 32 {
		call, ok := v.(*ssa.Call)
		if !ok {
			return nil
		}
		fn := staticCallee(call.Common())
		if fn == nil || fn.Pkg() == nil || fn.Pkg().Path() != knowledge.RueidisCmds {
			return nil
		}
		if analysisutil.IsNamed(recvType(fn), knowledge.RueidisCmds, knowledge.RueidisBuilder) {
			command = fn.Name()
			break
		}
		steps = append(steps, call)
		v = receiverOf(call.Common())
	}
	kind, ok := knowledge.RueidisCommands[command]
	if !ok {
		return nil
	}
	base := Op{Kind: kind.String(), Lib: string(knowledge.LibRueidis), KeyParam: -1, ValueParam: -1, Posn: c.posn(instr.Pos()), Via: "rueidis " + command}
	base.TTL = TTL{State: ttlNever}
	var keys []ssa.Value
	var ttlNode ast.Node
	var value ssa.Value
	slices.Reverse(steps)
	for _, call := range steps {
		name := staticCallee(call.Common()).Name()
		if i, ok := knowledge.RueidisKeyArgs[name]; ok {
			arg := argAt(call.Common(), i)
			if elems, ok := sliceElems(arg); ok {
				keys = append(keys, elems...)
			} else {
				keys = append(keys, arg)
			}
		} else if i, ok := knowledge.RueidisValueArgs[name]; ok {
			if v := argAt(call.Common(), i); v != nil {
				value = v
			}
		} else if t, ok := knowledge.RueidisTTLs[name]; ok {
			arg := argAt(call.Common(), 0)
			ttlNode = c.argNode(call, 0, false)
			if t.Unit == 0 || arg == nil {
				base.TTL = TTL{State: ttlUnknown}
				continue
			}
			base.TTL = c.ttlOf(arg, knowledge.TTLZeroNever)
			switch base.TTL.State {
			case ttlKnown:
				base.TTL.D *= time.Duration(t.Unit)
			case ttlParam:
				base.TTL = TTL{State: ttlUnknown} // a parameter in seconds: not carried
			}
		}
	}
	if kind == knowledge.CacheFlush {
		keys = []ssa.Value{nil}
	}
	var tables []string
	if value != nil {
		tables, base.ValueParam = c.valueSource(value)
	}
	var ops []Op
	for _, k := range keys {
		o := base
		o.Key = "*"
		if k != nil {
			o.Key, o.KeyParam = c.shapeOf(k)
		}
		if o.Kind == "write" {
			o.Tables = tables
		} else {
			o.ValueParam = -1
		}
		c.judgeOp(&o, c.callNode(instr), ttlNode, knowledge.TTLNone, "")
		ops = append(ops, o)
	}
	return ops
}
