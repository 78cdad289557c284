// Package clientsetup sets up its shared clients in one function
// (casdoor's proxy.InitHttpClient): the default client in one package
// variable and a helper's client in the other. One decision, one finding.
package clientsetup

import (
	"net/http"
	"net/url"
)

var (
	DefaultHTTPClient *http.Client // want DefaultHTTPClient:`clientVar\(unbounded=true\)`
	ProxyHTTPClient   *http.Client // want ProxyHTTPClient:`clientVar\(unbounded=true\)`
)

func InitHTTPClient(proxy string) {
	DefaultHTTPClient = http.DefaultClient // want `http.DefaultClient has no timeout; .*; and 2 more in 2 functions of this package \(related positions\)`
	ProxyHTTPClient = proxyClient(proxy)
}

func proxyClient(proxy string) *http.Client {
	u, err := url.Parse(proxy)
	if proxy == "" || err != nil {
		return &http.Client{}
	}
	return &http.Client{Transport: &http.Transport{Proxy: http.ProxyURL(u)}}
}

// Two functions that each build a client of their own for their own
// request are two decisions.
func Avatar(u string) (*http.Response, error) {
	c := &http.Client{} // want `http.Client has no Timeout`
	return c.Get(u)
}

func Webhook(u string) (*http.Response, error) {
	c := &http.Client{} // want `http.Client has no Timeout`
	return c.Get(u)
}
