package store

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"time"
)

// Order is a user's purchase. Items is filled only by the functions that say so.
type Order struct {
	ID         int64       `json:"id"`
	UserID     int64       `json:"user_id"`
	Status     string      `json:"status"`
	TotalCents int64       `json:"total_cents"`
	CreatedAt  time.Time   `json:"created_at"`
	Items      []OrderItem `json:"items,omitempty"`
}

// OrderItem is one line of an order.
type OrderItem struct {
	OrderID    int64 `json:"order_id"`
	ProductID  int64 `json:"product_id"`
	Quantity   int   `json:"quantity"`
	PriceCents int64 `json:"price_cents"`
}

// OrderByID returns one order without its items.
func (s *Store) OrderByID(ctx context.Context, id int64) (Order, error) {
	var o Order
	err := s.db.QueryRowContext(ctx,
		`SELECT id, user_id, status, total_cents, created_at FROM orders WHERE id = $1`, id,
	).Scan(&o.ID, &o.UserID, &o.Status, &o.TotalCents, &o.CreatedAt)
	if errors.Is(err, sql.ErrNoRows) {
		return Order{}, ErrNotFound
	}
	if err != nil {
		return Order{}, fmt.Errorf("order %d: %w", id, err)
	}
	return o, nil
}

// OrdersByUser returns a user's latest orders, without their items.
func (s *Store) OrdersByUser(ctx context.Context, userID int64, limit int) ([]Order, error) {
	rows, err := s.db.QueryContext(ctx,
		`SELECT id, user_id, status, total_cents, created_at
		   FROM orders
		  WHERE user_id = $1
		  ORDER BY created_at DESC
		  LIMIT $2`, userID, limit)
	if err != nil {
		return nil, fmt.Errorf("orders of user %d: %w", userID, err)
	}
	defer rows.Close()

	var orders []Order
	for rows.Next() {
		var o Order
		if err := rows.Scan(&o.ID, &o.UserID, &o.Status, &o.TotalCents, &o.CreatedAt); err != nil {
			return nil, fmt.Errorf("scan order: %w", err)
		}
		orders = append(orders, o)
	}
	if err := rows.Err(); err != nil {
		return nil, fmt.Errorf("orders of user %d: %w", userID, err)
	}
	return orders, nil
}

// ItemsForOrder returns the lines of one order.
func (s *Store) ItemsForOrder(ctx context.Context, orderID int64) ([]OrderItem, error) {
	rows, err := s.db.QueryContext(ctx,
		`SELECT order_id, product_id, quantity, price_cents FROM order_items WHERE order_id = $1`, orderID)
	if err != nil {
		return nil, fmt.Errorf("items of order %d: %w", orderID, err)
	}
	defer rows.Close()

	var items []OrderItem
	for rows.Next() {
		var it OrderItem
		if err := rows.Scan(&it.OrderID, &it.ProductID, &it.Quantity, &it.PriceCents); err != nil {
			return nil, fmt.Errorf("scan order item: %w", err)
		}
		items = append(items, it)
	}
	if err := rows.Err(); err != nil {
		return nil, fmt.Errorf("items of order %d: %w", orderID, err)
	}
	return items, nil
}

// GetOrdersWithItems returns a user's latest orders with their items, in two
// queries whatever the number of orders: the orders, then all of their items
// at once with order_id = ANY($1).
func (s *Store) GetOrdersWithItems(ctx context.Context, userID int64, limit int) ([]Order, error) {
	orders, err := s.OrdersByUser(ctx, userID, limit)
	if err != nil || len(orders) == 0 {
		return orders, err
	}

	ids := make([]int64, len(orders))
	byID := make(map[int64]*Order, len(orders))
	for i := range orders {
		ids[i] = orders[i].ID
		byID[orders[i].ID] = &orders[i]
	}

	rows, err := s.db.QueryContext(ctx,
		`SELECT order_id, product_id, quantity, price_cents
		   FROM order_items
		  WHERE order_id = ANY($1)
		  ORDER BY order_id`, ids)
	if err != nil {
		return nil, fmt.Errorf("items of orders of user %d: %w", userID, err)
	}
	defer rows.Close()

	for rows.Next() {
		var it OrderItem
		if err := rows.Scan(&it.OrderID, &it.ProductID, &it.Quantity, &it.PriceCents); err != nil {
			return nil, fmt.Errorf("scan order item: %w", err)
		}
		if o := byID[it.OrderID]; o != nil {
			o.Items = append(o.Items, it)
		}
	}
	if err := rows.Err(); err != nil {
		return nil, fmt.Errorf("items of orders of user %d: %w", userID, err)
	}
	return orders, nil
}

// MarkOrderPaid records a successful charge against an order.
func (s *Store) MarkOrderPaid(ctx context.Context, id int64, chargeID string) error {
	res, err := s.db.ExecContext(ctx,
		`UPDATE orders SET status = 'paid', charge_id = $1, paid_at = now() WHERE id = $2 AND status = 'pending'`,
		chargeID, id)
	if err != nil {
		return fmt.Errorf("mark order %d paid: %w", id, err)
	}
	n, err := res.RowsAffected()
	if err != nil {
		return fmt.Errorf("mark order %d paid: %w", id, err)
	}
	if n == 0 {
		return ErrNotFound
	}
	return nil
}
