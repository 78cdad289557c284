// Package prometheus is a stub of
// github.com/grpc-ecosystem/go-grpc-middleware/providers/prometheus.
package prometheus

import "google.golang.org/grpc"

type ServerMetrics struct{}

type ServerMetricsOption interface{ apply() }

func NewServerMetrics(opts ...ServerMetricsOption) *ServerMetrics { return &ServerMetrics{} }

func (m *ServerMetrics) UnaryServerInterceptor() grpc.UnaryServerInterceptor { return nil }
