// Package grpc is a stub of google.golang.org/grpc.
package grpc

import (
	"context"
	"net"

	"google.golang.org/grpc/stats"
)

type ServerOption interface{ apply() }

type opt struct{}

func (opt) apply() {}

type ServiceDesc struct{}

type ServiceRegistrar interface {
	RegisterService(desc *ServiceDesc, impl any)
}

type Server struct{}

func NewServer(opt ...ServerOption) *Server                   { return &Server{} }
func (s *Server) RegisterService(desc *ServiceDesc, impl any) {}
func (s *Server) Serve(lis net.Listener) error                { return nil }

type UnaryServerInfo struct{}
type UnaryHandler func(ctx context.Context, req any) (any, error)
type UnaryServerInterceptor func(ctx context.Context, req any, info *UnaryServerInfo, handler UnaryHandler) (any, error)

func StatsHandler(h stats.Handler) ServerOption                                 { return opt{} }
func UnaryInterceptor(i UnaryServerInterceptor) ServerOption                    { return opt{} }
func ChainUnaryInterceptor(interceptors ...UnaryServerInterceptor) ServerOption { return opt{} }
func MaxRecvMsgSize(m int) ServerOption                                         { return opt{} }
