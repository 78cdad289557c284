package testfiles

import (
	"net/http"
	"testing"
)

func TestRefresh(t *testing.T) { // want TestRefresh:`cost\(items update × 20=200ms\)`
	mux := http.NewServeMux()
	mux.HandleFunc("GET /refresh", func(w http.ResponseWriter, r *http.Request) { refresh(r.Context()) }) // want `route "GET /refresh" spends an estimated ~200ms in the database, above budget.database 150ms`
	_ = mux
}
