// Package wherefilters reads tables in request paths with the WHERE
// clauses of ntfy's user/manager.go: a parenthesised OR of the caller's
// values, a LIKE against the caller's topic, a key compared with a
// subquery bound to the caller's name. Each pins the rows to the caller's
// values, and is no whole-table read; a read with no WHERE clause, or with
// constants only, is.
package wherefilters

import (
	"database/sql"
	"net/http"
)

type API struct{ db *sql.DB }

func (a *API) topicPerms(w http.ResponseWriter, r *http.Request) {
	a.db.Query(`SELECT read, write FROM user_access a JOIN user u ON u.id = a.user_id
		WHERE (u.user = ? OR u.user = ?) AND ? LIKE a.topic ESCAPE '\'
		ORDER BY u.user DESC, LENGTH(a.topic) DESC`, "*", "phil", "mytopic")
}

func (a *API) reservations(w http.ResponseWriter, r *http.Request) {
	a.db.Query(`SELECT a_user.topic FROM user_access a_user
		WHERE a_user.user_id = a_user.owner_user_id
		  AND a_user.owner_user_id = (SELECT id FROM user WHERE user = ?)
		ORDER BY a_user.topic`, "phil")
}

func (a *API) tierByPrice(w http.ResponseWriter, r *http.Request) {
	a.db.Query(`SELECT id, code FROM tier WHERE (stripe_monthly_price_id = ? OR stripe_yearly_price_id = ?)`, "p", "p")
}

func (a *API) tiers(w http.ResponseWriter, r *http.Request) {
	a.db.Query(`SELECT id, code FROM tier`) // want `\(\*sql.DB\).Query reads every row of tier \(no LIMIT\) in a request path`
}

func (a *API) activeTiers(w http.ResponseWriter, r *http.Request) {
	a.db.Query(`SELECT id, code FROM tier WHERE (active = 1 OR code = 'free')`) // want `reads every row of tier \(no LIMIT\) in a request path`
}

func (a *API) tiersOrCaller(w http.ResponseWriter, r *http.Request) {
	a.db.Query(`SELECT id, code FROM tier WHERE code = ? OR public = 1`, "x") // want `reads every row of tier \(no LIMIT\) in a request path`
}
