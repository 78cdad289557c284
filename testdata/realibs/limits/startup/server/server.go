// Package server sets up and starts the program's server: it calls the
// store's constructor once, as it sets up, and probe.Health per request.
package server

import (
	"net/http"
	"time"

	"example.com/realibs/limits/startup/probe"
	"example.com/realibs/limits/startup/store"
)

// App is the program's server.
type App struct{ URL string }

func (a *App) setup() (*http.ServeMux, error) {
	st, err := store.New(a.URL)
	if err != nil {
		return nil, err
	}
	mux := http.NewServeMux()
	mux.HandleFunc("/health", func(w http.ResponseWriter, r *http.Request) {
		if err := probe.Health(r.Context(), st.URL()); err != nil {
			http.Error(w, err.Error(), http.StatusServiceUnavailable)
		}
	})
	return mux, nil
}

// Start sets up the server and serves.
func (a *App) Start() error {
	mux, err := a.setup()
	if err != nil {
		return err
	}
	srv := &http.Server{Addr: ":8080", Handler: mux, ReadHeaderTimeout: time.Second}
	return srv.ListenAndServe()
}
