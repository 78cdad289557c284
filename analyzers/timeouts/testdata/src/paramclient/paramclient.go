// Package paramclient: a helper that builds its client with the Timeout
// its callers give it (statping's HttpRequest) sends a request with no
// context; a request path that gives it a constant within the plan's
// query_timeout (10s) is bounded, directly or through a helper, and does
// not reach it; one that gives it two minutes, or a value only known at
// run time, does.
package paramclient

import (
	"io"
	"net/http"
	"time"
)

var configured time.Duration

func fetch(url string, timeout time.Duration) ([]byte, error) { // want `paramclient.fetch runs an HTTP request with no context \(http.NewRequest at paramclient.go:\d+\); 2 request paths reach it`
	req, err := http.NewRequest("GET", url, nil)
	if err != nil {
		return nil, err
	}
	client := &http.Client{Timeout: timeout}
	resp, err := client.Do(req)
	if err != nil {
		return nil, err
	}
	defer resp.Body.Close()
	return io.ReadAll(resp.Body)
}

func profile(token string) ([]byte, error) {
	return fetch("https://api.example.com/user?token="+token, 5*time.Second)
}

// login gives the helper 10s: bounded.
func login(w http.ResponseWriter, r *http.Request) {
	_, _ = fetch("https://oauth.example.com/token", 10*time.Second)
}

// loginProfile reaches it through profile, which gives it 5s: bounded.
func loginProfile(w http.ResponseWriter, r *http.Request) {
	_, _ = profile(r.URL.Query().Get("token"))
}

// export gives it two minutes: beyond the plan's query_timeout.
func export(w http.ResponseWriter, r *http.Request) {
	_, _ = fetch("https://export.example.com/all", 2*time.Minute)
}

// mirror gives it a value known only at run time.
func mirror(w http.ResponseWriter, r *http.Request) {
	_, _ = fetch("https://mirror.example.com/", configured)
}

func routes(mux *http.ServeMux) {
	mux.HandleFunc("/login", login)
	mux.HandleFunc("/login/profile", loginProfile)
	mux.HandleFunc("/export", export)
	mux.HandleFunc("/mirror", mirror)
}
