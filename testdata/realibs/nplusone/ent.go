package nplusone

import (
	"context"

	"example.com/realibs/nplusone/ent"
	entuser "example.com/realibs/nplusone/ent/user"
)

var client *ent.Client

func entPets(ctx context.Context) error {
	users, err := client.User.Query().All(ctx)
	if err != nil {
		return err
	}
	for _, u := range users {
		if _, err := u.QueryPets().All(ctx); err != nil { // want `^\(\*ent.PetQuery\).All runs a query \(ent.withInterceptors → \(ent.Querier\).Query in ent/ent.go:\d+\) once per element of users; eager-load the edge with With<Edge> on the outer query, or load them in one query before the loop \(<field>In\(ids...\)\)$`
			return err
		}
	}
	return nil
}

func entPetsEager(ctx context.Context) ([]*ent.User, error) {
	return client.User.Query().WithPets().All(ctx)
}

func entByID(ctx context.Context, ids []int, names []string) {
	for _, id := range ids {
		_, _ = client.User.Get(ctx, id) // want `^\(\*ent.UserClient\).Get runs a query \(.*\(ent.Querier\).Query in ent/ent.go:\d+\) once per element of ids`
	}
	_, _ = client.User.Query().Where(entuser.IDIn(ids...)).All(ctx)
	for _, n := range names {
		_, _ = client.User.Create().SetName(n).Save(ctx) // want `^\(\*ent.UserCreate\).Save runs a write \(.*\) once per element of names; write them in one statement: CreateBulk`
	}
	builders := make([]*ent.UserCreate, len(names))
	for i, n := range names {
		builders[i] = client.User.Create().SetName(n)
	}
	_, _ = client.User.CreateBulk(builders...).Save(ctx)
}
