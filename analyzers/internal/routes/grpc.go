package routes

import (
	"go/constant"
	"go/types"
	"strings"

	"golang.org/x/tools/go/ssa"

	"github.com/perfvet/perfvet/analyzers/internal/analysisutil"
	"github.com/perfvet/perfvet/analyzers/internal/knowledge"
)

// A Service is a gRPC service registered with a generated RegisterXServer
// function: its methods are the service's endpoints.
type Service struct {
	Call  *ssa.CallCommon
	Fn    *ssa.Function // the function the registration is in
	Iface *types.Named  // the XServer interface
	Impl  ssa.Value     // the implementation registered
}

// GRPCServices finds the gRPC services a package's functions register.
func GRPCServices(funcs []*ssa.Function) []*Service {
	var out []*Service
	for _, fn := range funcs {
		for _, b := range fn.Blocks {
			for _, instr := range b.Instrs {
				ci, ok := instr.(ssa.CallInstruction)
				if !ok {
					continue
				}
				callee := ci.Common().StaticCallee()
				if callee == nil || !IsGRPCRegister(callee) || len(ci.Common().Args) != 2 {
					continue
				}
				iface, ok := types.Unalias(callee.Signature.Params().At(1).Type()).(*types.Named)
				if !ok || !types.IsInterface(iface) {
					continue
				}
				out = append(out, &Service{Call: ci.Common(), Fn: fn, Iface: iface, Impl: ci.Common().Args[1]})
			}
		}
	}
	return out
}

// IsGRPCRegister reports whether fn is a generated RegisterXServer
// function: its first parameter is a grpc.ServiceRegistrar.
func IsGRPCRegister(fn *ssa.Function) bool {
	if !strings.HasPrefix(fn.Name(), "Register") || !strings.HasSuffix(fn.Name(), "Server") {
		return false
	}
	params := fn.Signature.Params()
	return params.Len() == 2 && analysisutil.IsNamed(params.At(0).Type(), knowledge.GRPC, "ServiceRegistrar")
}

// FullMethod returns the full name of a service's method,
// "/helloworld.Greeter/SayHello": the generated
// Greeter_SayHello_FullMethodName constant when there is one, else the
// interface's package and service name.
func (s *Service) FullMethod(method string) string {
	service := strings.TrimSuffix(s.Iface.Obj().Name(), "Server")
	pkg := s.Iface.Obj().Pkg()
	if pkg == nil {
		return "/" + service + "/" + method
	}
	if c, ok := pkg.Scope().Lookup(service + "_" + method + "_FullMethodName").(*types.Const); ok && c.Val().Kind() == constant.String {
		return constant.StringVal(c.Val())
	}
	return "/" + pkg.Name() + "." + service + "/" + method
}
