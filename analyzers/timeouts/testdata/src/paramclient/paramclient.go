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

// get takes its Timeout in seconds, 0 meaning its default of 5 seconds
// (portainer's client.Get(url, timeout)): a request path that gives it a
// constant is bounded when the seconds, or the default for 0, fit.
func get(url string, secs int) ([]byte, error) { // want `paramclient.get runs an HTTP request with no context \(\(\*http.Client\).Get at paramclient.go:\d+\); 1 request path reaches it`
	if secs == 0 {
		secs = 5
	}
	client := &http.Client{Timeout: time.Second * time.Duration(secs)}
	resp, err := client.Get(url)
	if err != nil {
		return nil, err
	}
	defer resp.Body.Close()
	return io.ReadAll(resp.Body)
}

// motd gives it 0: the 5 second default, bounded.
func motd(w http.ResponseWriter, r *http.Request) { _, _ = get("https://example.com/motd", 0) }

// version gives it 10 seconds: bounded.
func version(w http.ResponseWriter, r *http.Request) { _, _ = get("https://example.com/version", 10) }

// manifest gives it 60 seconds: beyond the plan's query_timeout.
func manifest(w http.ResponseWriter, r *http.Request) { _, _ = get("https://example.com/m.yaml", 60) }

// capped takes seconds too, but lowers large values instead of raising
// zero: 0 stays no timeout at all.
func capped(url string, secs int) ([]byte, error) { // want `paramclient.capped runs an HTTP request with no context \(\(\*http.Client\).Get at paramclient.go:\d+\); 1 request path reaches it`
	if secs > 30 {
		secs = 30
	}
	client := &http.Client{Timeout: time.Duration(secs) * time.Second}
	resp, err := client.Get(url)
	if err != nil {
		return nil, err
	}
	return nil, resp.Body.Close()
}

// banner gives capped 0: no timeout.
func banner(w http.ResponseWriter, r *http.Request) { _, _ = capped("https://example.com/banner", 0) }

// post builds a client value (not a pointer) with the Timeout in
// seconds its callers give it (mailpit's postmark.Check(email, timeout)).
func post(url string, secs int) error { // want `paramclient.post runs an HTTP request with no context \(\(\*http.Client\).Post at paramclient.go:\d+\); 1 request path reaches it`
	client := http.Client{Timeout: time.Duration(secs) * time.Second}
	resp, err := client.Post(url, "application/json", nil)
	if err != nil {
		return err
	}
	return resp.Body.Close()
}

// checkSeconds keeps the constant it is declared with: 8 seconds.
var checkSeconds = 8

// slowSeconds is declared with 8, and setSlow writes it at run time.
var slowSeconds = 8

func setSlow(n int) { slowSeconds = n }

// spamCheck gives post a package variable that stays 8: bounded.
func spamCheck(w http.ResponseWriter, r *http.Request) {
	_ = post("https://spam.example.com/check", checkSeconds)
}

// slowCheck gives it one that may be anything: it reaches post.
func slowCheck(w http.ResponseWriter, r *http.Request) {
	_ = post("https://spam.example.com/slow", slowSeconds)
}

func routes(mux *http.ServeMux) {
	mux.HandleFunc("/spam", spamCheck)
	mux.HandleFunc("/slow", slowCheck)
	mux.HandleFunc("/motd", motd)
	mux.HandleFunc("/version", version)
	mux.HandleFunc("/manifest", manifest)
	mux.HandleFunc("/banner", banner)
	mux.HandleFunc("/login", login)
	mux.HandleFunc("/login/profile", loginProfile)
	mux.HandleFunc("/export", export)
	mux.HandleFunc("/mirror", mirror)
}
