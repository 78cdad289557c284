// Package entuser loops over ent's generated queries: they reach the
// runtime's Querier through facts, like any other code.
package entuser

import (
	"context"

	"entgen/ent"
)

func petsPerUser(ctx context.Context, client *ent.Client) error {
	users, err := client.User.Query().All(ctx)
	if err != nil {
		return err
	}
	for _, u := range users {
		if _, err := u.QueryPets().All(ctx); err != nil { // want `^\(\*ent.PetQuery\).All runs a query \(ent.withInterceptors → \(ent.Querier\).Query in ent/ent.go:\d+\) once per element of users; eager-load the edge with With<Edge> on the outer query`
			return err
		}
	}
	return nil
}

func petsEager(ctx context.Context, client *ent.Client) ([]*ent.User, error) {
	return client.User.Query().WithPets().All(ctx)
}

func byID(ctx context.Context, client *ent.Client, ids []int) {
	for _, id := range ids {
		_, _ = client.User.Get(ctx, id) // want `^\(\*ent.UserClient\).Get runs a query \(\(\*ent.UserQuery\).Only → \(\*ent.UserQuery\).All → ent.withInterceptors → \(ent.Querier\).Query in ent/ent.go:\d+\) once per element of ids`
	}
	_, _ = client.User.Query().Where(ids...).All(ctx)
}
