// Command cmd serves api with store's pool.
package main

import (
	"net/http"
	"time"

	"example.com/realibs/limits/split/api"
	"example.com/realibs/limits/split/store"
)

func main() {
	db, err := store.Open("postgres://localhost/app")
	if err != nil {
		return
	}
	defer db.Close()
	mux := http.NewServeMux()
	api.Routes(mux)
	srv := &http.Server{Addr: ":8080", Handler: mux, ReadHeaderTimeout: time.Second}
	_ = srv.ListenAndServe()
}
