// want package:`metrics\(greetings_total:counter\{\} rpc.server.call.duration:histogram rpc.server.duration:histogram\)`

// Package grpcsvc serves gRPC in a program that defines metrics.
package grpcsvc

import (
	"context"

	grpcprom "github.com/grpc-ecosystem/go-grpc-middleware/providers/prometheus"
	"github.com/prometheus/client_golang/prometheus"
	"go.opentelemetry.io/contrib/instrumentation/google.golang.org/grpc/otelgrpc"
	"google.golang.org/grpc"

	"grpcsvc/pb"
)

var calls = prometheus.NewCounter(prometheus.CounterOpts{Name: "greetings_total"})

type greeter struct{}

func (greeter) SayHello() { calls.Inc() } // want SayHello:`records\(greetings_total\)`

func bare() *grpc.Server {
	s := grpc.NewServer(grpc.MaxRecvMsgSize(1 << 20))
	pb.RegisterGreeterServer(s, greeter{}) // want `RegisterGreeterServer registers a gRPC service on a server with no metrics interceptor or stats handler, so its calls are missing from the request rates and latencies the plan's SLOs are read from; pass grpc.StatsHandler\(otelgrpc.NewServerHandler\(\)\) or a Prometheus interceptor to grpc.NewServer`
	return s
}

func instrumented() *grpc.Server {
	s := grpc.NewServer(grpc.MaxRecvMsgSize(1<<20), grpc.StatsHandler(otelgrpc.NewServerHandler()))
	pb.RegisterGreeterServer(s, greeter{})
	return s
}

func configured(opts []grpc.ServerOption) *grpc.Server {
	s := grpc.NewServer(opts...) // options we cannot see
	pb.RegisterGreeterServer(s, greeter{})
	return s
}

var srvMetrics = grpcprom.NewServerMetrics()

func logging(ctx context.Context, req any, info *grpc.UnaryServerInfo, handler grpc.UnaryHandler) (any, error) {
	return handler(ctx, req)
}

func loggingOnly() *grpc.Server {
	s := grpc.NewServer(grpc.UnaryInterceptor(logging))
	pb.RegisterGreeterServer(s, greeter{}) // want `RegisterGreeterServer registers a gRPC service on a server with no metrics interceptor or stats handler`
	return s
}

func promInterceptor() *grpc.Server {
	s := grpc.NewServer(grpc.ChainUnaryInterceptor(logging, srvMetrics.UnaryServerInterceptor()))
	pb.RegisterGreeterServer(s, greeter{})
	return s
}
