package timeouts

import (
	"context"
	"net/http"
	"time"

	"github.com/jmoiron/sqlx"
	"github.com/labstack/echo/v4"
)

var xdb *sqlx.DB

type user struct {
	ID   int64  `db:"id"`
	Name string `db:"name"`
}

// ---- sqlx's context-less methods in request paths ----

func sqlxContextless(w http.ResponseWriter, r *http.Request) {
	var users []user
	_ = xdb.Select(&users, "SELECT id, name FROM users LIMIT 50") // want `\(\*sqlx.DB\).Select in a request path has no context, so the database query keeps running after the client has gone; use SelectContext with the request's context \(r.Context\(\)\)`
	var u user
	_ = xdb.Get(&u, "SELECT id, name FROM users WHERE id = $1", 1)           // want `\(\*sqlx.DB\).Get in a request path has no context, .*; use GetContext`
	_, _ = xdb.Queryx("SELECT id, name FROM users LIMIT 50")                 // want `\(\*sqlx.DB\).Queryx in a request path has no context, .*; use QueryxContext`
	_ = xdb.QueryRowx("SELECT id, name FROM users WHERE id = $1", 1)         // want `\(\*sqlx.DB\).QueryRowx in a request path has no context, .*; use QueryRowxContext`
	_, _ = xdb.NamedExec("UPDATE users SET name = :name WHERE id = :id", u)  // want `\(\*sqlx.DB\).NamedExec in a request path has no context, .*; use NamedExecContext`
	_, _ = xdb.NamedQuery("SELECT id FROM users WHERE name = :name", u)      // want `\(\*sqlx.DB\).NamedQuery in a request path has no context, .*; use NamedQueryContext`
	_ = xdb.MustExec("UPDATE users SET seen = now()")                        // want `\(\*sqlx.DB\).MustExec in a request path has no context, .*; use MustExecContext`
	_, _ = xdb.Preparex("SELECT id FROM users WHERE id = $1")                // want `\(\*sqlx.DB\).Preparex in a request path has no context, .*; use PreparexContext`
	_, _ = xdb.PrepareNamed("SELECT id FROM users WHERE name = :name")       // want `\(\*sqlx.DB\).PrepareNamed in a request path has no context, .*; use PrepareNamedContext`
	_, _ = xdb.Query("SELECT id FROM users LIMIT 50")                        // want `\(\*sqlx.DB\).Query in a request path has no context, .*; use QueryContext`
	tx, _ := xdb.Beginx()                                                    // want `\(\*sqlx.DB\).Beginx in a request path has no context, .*; use BeginTxx`
	_ = tx.Get(&u, "SELECT id, name FROM users WHERE id = $1 FOR UPDATE", 1) // want `\(\*sqlx.Tx\).Get in a request path has no context, .*; use GetContext`
	_ = tx.Select(&users, "SELECT id, name FROM users LIMIT 50")             // want `\(\*sqlx.Tx\).Select in a request path has no context, .*; use SelectContext`
	_, _ = tx.Queryx("SELECT id FROM users LIMIT 50")                        // want `\(\*sqlx.Tx\).Queryx in a request path has no context`
	_ = tx.QueryRowx("SELECT 1")                                             // want `\(\*sqlx.Tx\).QueryRowx in a request path has no context`
	_, _ = tx.NamedExec("UPDATE users SET name = :name WHERE id = :id", u)   // want `\(\*sqlx.Tx\).NamedExec in a request path has no context`
	_ = tx.MustExec("UPDATE users SET seen = now()")                         // want `\(\*sqlx.Tx\).MustExec in a request path has no context`
	_, _ = tx.Preparex("SELECT id FROM users WHERE id = $1")                 // want `\(\*sqlx.Tx\).Preparex in a request path has no context, .*; use PreparexContext`
	_, _ = tx.PrepareNamed("SELECT id FROM users WHERE name = :name")        // want `\(\*sqlx.Tx\).PrepareNamed in a request path has no context, .*; use PrepareNamedContext`
	_, _ = tx.Exec("DELETE FROM sessions")                                   // want `\(\*sqlx.Tx\).Exec in a request path has no context`
	_ = tx.Commit()
	tx2 := xdb.MustBegin() // want `\(\*sqlx.DB\).MustBegin in a request path has no context, .*; use MustBeginTx`
	_ = tx2.Rollback()
}

func sqlxContextful(w http.ResponseWriter, r *http.Request) {
	ctx := r.Context()
	var users []user
	_ = xdb.SelectContext(ctx, &users, "SELECT id, name FROM users LIMIT 50")
	var u user
	_ = xdb.GetContext(ctx, &u, "SELECT id, name FROM users WHERE id = $1", 1)
	_, _ = xdb.QueryxContext(ctx, "SELECT id, name FROM users LIMIT 50")
	_ = xdb.QueryRowxContext(ctx, "SELECT id, name FROM users WHERE id = $1", 1)
	_, _ = xdb.NamedExecContext(ctx, "UPDATE users SET name = :name WHERE id = :id", u)
	_, _ = xdb.NamedQueryContext(ctx, "SELECT id FROM users WHERE name = :name", u)
	_ = xdb.MustExecContext(ctx, "UPDATE users SET seen = now()")
	_, _ = xdb.PreparexContext(ctx, "SELECT id FROM users WHERE id = $1")
	_, _ = xdb.PrepareNamedContext(ctx, "SELECT id FROM users WHERE name = :name")
	_, _ = xdb.QueryContext(ctx, "SELECT id FROM users LIMIT 50")
	tx, _ := xdb.BeginTxx(ctx, nil)
	_ = tx.GetContext(ctx, &u, "SELECT id, name FROM users WHERE id = $1 FOR UPDATE", 1)
	_ = tx.SelectContext(ctx, &users, "SELECT id, name FROM users LIMIT 50")
	_, _ = tx.QueryxContext(ctx, "SELECT id FROM users LIMIT 50")
	_ = tx.QueryRowxContext(ctx, "SELECT 1")
	_, _ = tx.NamedExecContext(ctx, "UPDATE users SET name = :name WHERE id = :id", u)
	_ = tx.MustExecContext(ctx, "UPDATE users SET seen = now()")
	_, _ = tx.PreparexContext(ctx, "SELECT id FROM users WHERE id = $1")
	_, _ = tx.PrepareNamedContext(ctx, "SELECT id FROM users WHERE name = :name")
	_, _ = tx.ExecContext(ctx, "DELETE FROM sessions")
	_ = tx.Commit()
	tx2 := xdb.MustBeginTx(ctx, nil)
	_ = tx2.Rollback()
}

func sqlxEcho(c echo.Context) error {
	var u user
	if err := xdb.GetContext(context.Background(), &u, "SELECT id, name FROM users WHERE id = $1", c.Param("id")); err != nil { // want `\(\*sqlx.DB\).GetContext runs a database query with context.Background\(\) in a request path, .*; pass the request's context \(c.Request\(\).Context\(\)\)`
		return err
	}
	if err := xdb.Get(&u, "SELECT id, name FROM users WHERE id = $1", c.Param("id")); err != nil { // want `\(\*sqlx.DB\).Get in a request path has no context, .*; use GetContext with the request's context \(c.Request\(\).Context\(\)\)`
		return err
	}
	if err := xdb.GetContext(c.Request().Context(), &u, "SELECT id, name FROM users WHERE id = $1", c.Param("id")); err != nil {
		return err
	}
	return c.JSON(http.StatusOK, u)
}

// ---- the plan's query_timeout on sqlx and database/sql queries ----

func sqlxSlowQuery(c echo.Context) error {
	ctx, cancel := context.WithTimeout(c.Request().Context(), 20*time.Second) // want `context deadline of 20s bounds a database query \(\(\*sqlx.DB\).GetContext\), longer than the plan's query_timeout \(10s\)`
	defer cancel()
	var u user
	return xdb.GetContext(ctx, &u, "SELECT id, name FROM users WHERE id = $1", 1)
}

func sqlxQuickQuery(c echo.Context) error {
	ctx, cancel := context.WithTimeout(c.Request().Context(), 2*time.Second)
	defer cancel()
	var u user
	return xdb.GetContext(ctx, &u, "SELECT id, name FROM users WHERE id = $1", 1)
}

func sqlSlowQuery(w http.ResponseWriter, r *http.Request) {
	ctx, cancel := context.WithTimeout(r.Context(), 20*time.Second) // want `context deadline of 20s bounds a database query \(\(\*sql.DB\).QueryContext\), longer than the plan's query_timeout \(10s\)`
	defer cancel()
	withValue := context.WithValue(ctx, key{}, "v")
	rows, err := xdb.QueryContext(withValue, "SELECT id FROM users LIMIT 50")
	if err == nil {
		_ = rows.Close()
	}
}

func sqlQuickQuery(w http.ResponseWriter, r *http.Request) {
	ctx, cancel := context.WithTimeout(r.Context(), 2*time.Second)
	defer cancel()
	withValue := context.WithValue(ctx, key{}, "v")
	rows, err := xdb.QueryContext(withValue, "SELECT id FROM users LIMIT 50")
	if err == nil {
		_ = rows.Close()
	}
}

// ---- sqlx's package-level helpers in request paths ----

func sqlxPackageHelpers(w http.ResponseWriter, r *http.Request) {
	var u user
	_ = sqlx.Get(xdb, &u, "SELECT id, name FROM users WHERE id = $1", 1) // want `sqlx.Get in a request path has no context, .*; use GetContext`
	var users []user
	_ = sqlx.Select(xdb, &users, "SELECT id, name FROM users LIMIT 50")           // want `sqlx.Select in a request path has no context, .*; use SelectContext`
	_, _ = sqlx.NamedExec(xdb, "UPDATE users SET name = :name WHERE id = :id", u) // want `sqlx.NamedExec in a request path has no context`
}

func sqlxPackageHelpersWithContext(w http.ResponseWriter, r *http.Request) {
	var u user
	_ = sqlx.GetContext(r.Context(), xdb, &u, "SELECT id, name FROM users WHERE id = $1", 1)
	var users []user
	_ = sqlx.SelectContext(r.Context(), xdb, &users, "SELECT id, name FROM users LIMIT 50")
	_, _ = sqlx.NamedExecContext(r.Context(), xdb, "UPDATE users SET name = :name WHERE id = :id", u)
}
