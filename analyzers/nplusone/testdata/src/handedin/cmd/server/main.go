package main

import (
	"database/sql"
	"net/http"

	"handedin/api"
	"handedin/impl"
	"handedin/pg"
)

func main() {
	db, _ := sql.Open("postgres", "")
	api.Profiles = pg.Profiles{DB: db}
	api.Formatter = impl.Fmt{}
	http.HandleFunc("/users", api.ListUsers)
	http.HandleFunc("/tags", api.SaveTags)
	http.HandleFunc("/export", api.Export)
	_ = http.ListenAndServe(":8080", nil)
}
