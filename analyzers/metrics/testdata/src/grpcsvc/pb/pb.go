// Package pb stands for protoc-generated gRPC code.
package pb

import "google.golang.org/grpc"

type GreeterServer interface{ SayHello() }

func RegisterGreeterServer(s grpc.ServiceRegistrar, srv GreeterServer) {}
