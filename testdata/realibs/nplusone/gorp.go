package nplusone

import "github.com/go-gorp/gorp/v3"

var dbmap *gorp.DbMap

func gorpUsers(ids []int64) {
	for _, id := range ids {
		_, _ = dbmap.Get(user{}, id)                                                 // want `^\(\*gorp.DbMap\).Get runs a query once per element of ids; load them in one query before the loop \(WHERE id IN \(...\)\)$`
		_, _ = dbmap.SelectInt("SELECT count(*) FROM orders WHERE user_id = $1", id) // want `^\(\*gorp.DbMap\).SelectInt runs a query once per element of ids`
	}
}

func gorpUsersAtOnce(ids []int64) {
	var users []user
	_, _ = dbmap.Select(&users, "SELECT * FROM users WHERE id = ANY($1)", ids)
}
