// Package report lists a team's users.
package report

import (
	"context"

	"example.com/vetcache/store"
)

// Names reads the names of a page of a team's users, one query per user.
func Names(ctx context.Context, s *store.Store, team int) ([]string, error) {
	ids, err := s.IDs(ctx, team, 50)
	if err != nil {
		return nil, err
	}
	var names []string
	for _, id := range ids {
		name, err := s.Name(ctx, id)
		if err != nil {
			return nil, err
		}
		names = append(names, name)
	}
	return names, nil
}
