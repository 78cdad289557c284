// Package rueidis is a stub of github.com/redis/rueidis.
package rueidis

import (
	"context"

	"github.com/redis/rueidis/internal/cmds"
)

type Builder = cmds.Builder

type Completed = cmds.Completed

type RedisResult struct{}

type Client interface {
	B() Builder
	Do(ctx context.Context, cmd Completed) RedisResult
}
