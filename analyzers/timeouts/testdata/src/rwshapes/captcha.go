package rwshapes

import (
	"net/http"
	"net/url"
	"strings"
	"time"
)

// Captcha verifies tokens through a client with a 5-second Timeout
// (listmonk's captcha client): after the client of the request has gone
// the check runs 5 seconds at most, within the plan's query_timeout.
type Captcha struct{ client *http.Client }

func NewCaptcha() *Captcha {
	timeout := 5 * time.Second
	return &Captcha{client: &http.Client{Timeout: timeout, Transport: &http.Transport{ResponseHeaderTimeout: timeout}}}
}

func (c *Captcha) verify(token string) error {
	resp, err := c.client.PostForm("https://captcha.example.com/verify", url.Values{"response": {token}})
	if err != nil {
		return err
	}
	return resp.Body.Close()
}

// verifyJSON sends a request it builds through the same short client.
func (c *Captcha) verifyJSON(token string) error {
	req, err := http.NewRequest(http.MethodPost, "https://captcha.example.com/verify?response="+url.QueryEscape(token), nil)
	if err != nil {
		return err
	}
	req.Header.Set("Accept", "application/json")
	resp, err := c.client.Do(req)
	if err != nil {
		return err
	}
	return resp.Body.Close()
}

// verifyEither builds its request in one of two branches (dingtalk's
// httpRequest) and sends it through the same short client.
func (c *Captcha) verifyEither(token string, post bool) error {
	var req *http.Request
	if post {
		req, _ = http.NewRequest(http.MethodPost, "https://captcha.example.com/verify", strings.NewReader(url.Values{"response": {token}}.Encode()))
	} else {
		req, _ = http.NewRequest(http.MethodGet, "https://captcha.example.com/verify?response="+url.QueryEscape(token), nil)
	}
	resp, err := c.client.Do(req)
	if err != nil {
		return err
	}
	return resp.Body.Close()
}

// Archiver is the twin: its client's 20 seconds outlive the plan's
// query_timeout, and the download goes on that long after the client of
// the request has gone (miniflux's feed fetcher).
type Archiver struct{ client *http.Client }

func NewArchiver() *Archiver {
	return &Archiver{client: &http.Client{Timeout: 20 * time.Second}}
}

func (a *Archiver) download(url string) error { // want `^\(\*rwshapes.Archiver\).download runs an HTTP request with no context \(\(\*http.Client\).Get at captcha.go:\d+\); 1 request path reaches it`
	resp, err := a.client.Get(url)
	if err != nil {
		return err
	}
	return resp.Body.Close()
}

var (
	captcha  = NewCaptcha()
	archiver = NewArchiver()
)

func subscribe(w http.ResponseWriter, r *http.Request) {
	_ = captcha.verify(r.FormValue("token"))
	_ = captcha.verifyJSON(r.FormValue("token"))
	_ = captcha.verifyEither(r.FormValue("token"), r.Method == http.MethodPost)
	_ = archiver.download(r.FormValue("url"))
}
