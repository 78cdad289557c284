package metrics

import (
	"go.opentelemetry.io/contrib/instrumentation/google.golang.org/grpc/otelgrpc"
	"google.golang.org/grpc"
)

// GreeterServer and RegisterGreeterServer stand for protoc-gen-go-grpc
// output.
type GreeterServer interface{ SayHello() }

var greeterDesc = grpc.ServiceDesc{ServiceName: "Greeter", HandlerType: (*GreeterServer)(nil)}

// RegisterGreeterServer registers the service, as generated code does.
func RegisterGreeterServer(s grpc.ServiceRegistrar, srv GreeterServer) {
	s.RegisterService(&greeterDesc, srv)
}

type greeter struct{}

func (greeter) SayHello() {}

func grpcBare() *grpc.Server {
	s := grpc.NewServer(grpc.MaxRecvMsgSize(1 << 20))
	RegisterGreeterServer(s, greeter{}) // want `RegisterGreeterServer registers a gRPC service on a server with no metrics interceptor or stats handler`
	return s
}

func grpcInstrumented() *grpc.Server {
	s := grpc.NewServer(grpc.StatsHandler(otelgrpc.NewServerHandler()))
	RegisterGreeterServer(s, greeter{})
	return s
}
