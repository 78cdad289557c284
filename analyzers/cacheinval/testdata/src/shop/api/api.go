package api

import (
	"context"

	"shop/service"
)

// Judged in the service already: nothing to report here.
func UpdatePrice(ctx context.Context, s *service.Service, id, price int64) error {
	return s.UpdatePrice(ctx, id, price)
}
