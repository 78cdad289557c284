// Package api registers the program's own handler on the default mux.
package api // want package:`registers on http.DefaultServeMux`

import "net/http"

func Register() {
	http.HandleFunc("/items", func(w http.ResponseWriter, r *http.Request) {
		_, _ = w.Write([]byte(r.URL.Path))
	})
}
