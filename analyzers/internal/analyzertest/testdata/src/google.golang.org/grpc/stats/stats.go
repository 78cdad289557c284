// Package stats is a stub of google.golang.org/grpc/stats.
package stats

type Handler interface{ HandleRPC() }
