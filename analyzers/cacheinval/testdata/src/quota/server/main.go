// Command server wires admin and api.
package main

import (
	"context"

	"quota/admin"
	"quota/api"
)

func main() {
	ctx := context.Background()
	_ = admin.SetQuota(ctx, 1, 10)
	_ = api.Set(ctx, 1, 10)
}
