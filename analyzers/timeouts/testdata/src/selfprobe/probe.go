// Package selfprobe probes the program's own server on a loopback host
// (fider's ping command, run by Docker's HEALTHCHECK, which bounds it).
// Its twins probe a host from the configuration, or keep the client.
package selfprobe

import (
	"fmt"
	"net/http"
)

func Ping(port string, tls bool) int {
	client := &http.Client{}
	protocol := "http://"
	if tls {
		protocol = "https://"
	}
	req, err := http.NewRequest("GET", protocol+"localhost:"+port+"/_health", nil)
	if err != nil {
		return 1
	}
	resp, err := client.Do(req)
	if err != nil {
		return 1
	}
	_ = resp.Body.Close()
	return 0
}

func PingFormatted(port int) error {
	client := &http.Client{}
	resp, err := client.Get(fmt.Sprintf("http://127.0.0.1:%d/healthz", port))
	if err != nil {
		return err
	}
	return resp.Body.Close()
}

func PingRemote(host string) error {
	client := &http.Client{} // want `http.Client has no Timeout`
	req, err := http.NewRequest("GET", "http://"+host+"/_health", nil)
	if err != nil {
		return err
	}
	resp, err := client.Do(req)
	if err != nil {
		return err
	}
	return resp.Body.Close()
}

// A host that starts like localhost but is not one.
func PingLookalike(port string) error {
	client := &http.Client{} // want `http.Client has no Timeout`
	resp, err := client.Get("http://localhost.example.com:" + port + "/_health")
	if err != nil {
		return err
	}
	return resp.Body.Close()
}

type prober struct{ client *http.Client }

func newProber(port string) *prober {
	p := &prober{client: &http.Client{}} // want `http.Client has no Timeout`
	_, _ = p.client.Get("http://localhost:" + port + "/_health")
	return p
}

var _ = newProber

// A status page of a server on the same host fetched through
// http.DefaultClient (1Panel's OpenResty status): a loopback call, as
// Ping's.
func NginxStatus(port int) error {
	url := "http://127.0.0.1/nginx_status"
	if port != 80 {
		url = fmt.Sprintf("http://127.0.0.1:%d/nginx_status", port)
	}
	resp, err := http.Get(url)
	if err != nil {
		return err
	}
	return resp.Body.Close()
}

// The twin fetches it from a host of the configuration.
func RemoteStatus(host string) error {
	resp, err := http.Get("http://" + host + "/nginx_status") // want `http.Get sends the request through http.DefaultClient`
	if err != nil {
		return err
	}
	return resp.Body.Close()
}

// The program's own page fetched with the scheme it is served on as a
// verb (filestash's /healthz): the host is still a constant loopback one.
func AboutPage(tls bool, port int) error {
	scheme := "http"
	if tls {
		scheme = "https"
	}
	resp, err := http.Get(fmt.Sprintf("%s://127.0.0.1:%d/about", scheme, port))
	if err != nil {
		return err
	}
	return resp.Body.Close()
}

// The twin formats the host too.
func RemoteAboutPage(scheme, host string) error {
	resp, err := http.Get(fmt.Sprintf("%s://%s/about", scheme, host)) // want `http.Get sends the request through http.DefaultClient`
	if err != nil {
		return err
	}
	return resp.Body.Close()
}
