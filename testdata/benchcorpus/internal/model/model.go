// Package model holds the types shared by every domain.
package model

import "time"

// Item is a row of a domain's table.
type Item struct {
	ID        int64
	Name      string
	OwnerID   int64
	UpdatedAt time.Time
}
