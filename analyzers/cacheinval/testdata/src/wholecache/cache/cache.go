// Package cache declares the caches the services use; their
// implementations are wired in by main only.
package cache

import (
	"context"
	"time"
)

type Cache interface {
	Set(ctx context.Context, key string, v []byte, ttl time.Duration) error
}

type Store interface {
	Save(ctx context.Context, key string, v []byte, ttl time.Duration) error
}
