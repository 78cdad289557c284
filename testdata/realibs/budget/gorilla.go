package budget

import (
	"database/sql"
	"net/http"

	"github.com/gorilla/mux"
)

// GorillaAPI registers its routes on gorilla/mux: a route is named by its
// path, after its method when Methods restricts it to one, and a
// subrouter's routes after the prefix its PathPrefix gives.
type GorillaAPI struct{ DB *sql.DB }

func (a *GorillaAPI) Routes() http.Handler {
	r := mux.NewRouter()
	r.HandleFunc("/products", a.listWithReviews).Methods(http.MethodGet)     // want `route "GET /products" is estimated at ~510ms from its code, above its p95 objective of 500ms`
	r.HandleFunc("/products/batched", a.listBatched).Methods(http.MethodGet) // two queries: ~20ms
	r.HandleFunc("/products/{id}", a.get).Methods(http.MethodGet)            // one query: ~10ms
	// Several methods: the route is named by its path alone.
	r.HandleFunc("/products/all", a.listWithReviews).Methods("GET", "HEAD") // want `route "/products/all" is estimated at ~510ms`
	api := r.PathPrefix("/api").Subrouter()
	api.HandleFunc("/products", a.listWithReviews) // want `route "/api/products" is estimated at ~510ms from its code, above its p95 objective of 500ms`
	api.HandleFunc("/products/{id}", a.get)        // one query: ~10ms
	// Methods before the path, on the subrouter's route.
	api.Methods(http.MethodGet).Path("/reviewed").HandlerFunc(a.listWithReviews) // want `route "GET /api/reviewed" is estimated at ~510ms`
	api.Methods(http.MethodGet).Path("/reviewed/{id}").HandlerFunc(a.get)        // one query: ~10ms
	return r
}

// listWithReviews reads a page of 50 products (LIMIT 50), then the
// reviews of each: 10ms + 50 × 10ms.
func (a *GorillaAPI) listWithReviews(w http.ResponseWriter, r *http.Request) {
	rows, err := a.DB.QueryContext(r.Context(), "SELECT id FROM products ORDER BY id LIMIT 50")
	if err != nil {
		return
	}
	defer rows.Close()
	for rows.Next() {
		var id int
		if rows.Scan(&id) != nil {
			return
		}
		var n int
		_ = a.DB.QueryRowContext(r.Context(), "SELECT rating FROM reviews WHERE product_id = $1 LIMIT 1", id).Scan(&n)
	}
}

// listBatched is listWithReviews with the reviews read in one query for
// the whole page.
func (a *GorillaAPI) listBatched(w http.ResponseWriter, r *http.Request) {
	rows, err := a.DB.QueryContext(r.Context(), "SELECT id FROM products ORDER BY id LIMIT 50")
	if err != nil {
		return
	}
	var ids []int
	for rows.Next() {
		var id int
		if rows.Scan(&id) != nil {
			break
		}
		ids = append(ids, id)
	}
	_ = rows.Close()
	var n int
	_ = a.DB.QueryRowContext(r.Context(), "SELECT product_id, rating FROM reviews WHERE product_id = ANY($1)", ids).Scan(&n)
}

func (a *GorillaAPI) get(w http.ResponseWriter, r *http.Request) {
	var name string
	_ = a.DB.QueryRowContext(r.Context(), "SELECT name FROM products WHERE id = $1", mux.Vars(r)["id"]).Scan(&name)
}
