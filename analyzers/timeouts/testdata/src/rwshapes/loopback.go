package rwshapes

import (
	"context"
	"fmt"
	"net/http"
	"time"
)

// resetQuota calls a proxy the program runs on 127.0.0.1 through a
// client with a 3-second Timeout (3x-ui's MTProto manager): the call ends
// within the plan's query_timeout whatever its context.
func resetQuota(port int, user string) {
	client := http.Client{Timeout: 3 * time.Second}
	req, err := http.NewRequestWithContext(context.Background(), http.MethodPost, fmt.Sprintf("http://127.0.0.1:%d/secrets/%s/reset", port, user), nil)
	if err != nil {
		return
	}
	authorize(req, "token")
	resp, err := client.Do(req)
	if err != nil {
		return
	}
	_ = resp.Body.Close()
}

// publicIP is the twin: the same short client, but the host comes from
// the configuration (3x-ui's public IP lookup, judged true).
func publicIP(url string) { // want `^rwshapes.publicIP runs an HTTP request with context.Background\(\)`
	client := http.Client{Timeout: 3 * time.Second}
	req, err := http.NewRequestWithContext(context.Background(), http.MethodGet, url, nil)
	if err != nil {
		return
	}
	resp, err := client.Do(req)
	if err != nil {
		return
	}
	_ = resp.Body.Close()
}

// applySlow is the other twin: a loopback call through a client with no
// Timeout runs as long as the proxy takes.
func applySlow(port int) { // want `^rwshapes.applySlow runs an HTTP request with context.Background\(\)`
	client := &http.Client{}
	req, err := http.NewRequestWithContext(context.Background(), http.MethodPost, fmt.Sprintf("http://127.0.0.1:%d/apply", port), nil)
	if err != nil {
		return
	}
	resp, err := client.Do(req)
	if err != nil {
		return
	}
	_ = resp.Body.Close()
}

// resetQuotaVia is authorize's twin: the helper it hands the request to
// sends it, through a client with no Timeout, so the short client does
// not bound it.
func resetQuotaVia(port int) { // want `^rwshapes.resetQuotaVia runs an HTTP request with context.Background\(\)`
	client := http.Client{Timeout: 3 * time.Second}
	req, err := http.NewRequestWithContext(context.Background(), http.MethodPost, fmt.Sprintf("http://127.0.0.1:%d/reset", port), nil)
	if err != nil {
		return
	}
	deliver(req)
	resp, err := client.Do(req)
	if err != nil {
		return
	}
	_ = resp.Body.Close()
}

func deliver(req *http.Request) {
	if resp, err := http.DefaultClient.Do(req); err == nil {
		_ = resp.Body.Close()
	}
}

// authorize only sets a header: the request is still sent by resetQuota.
func authorize(req *http.Request, token string) {
	if token != "" {
		req.Header.Set("Authorization", "Bearer "+token)
	}
}

func proxyAdmin(w http.ResponseWriter, r *http.Request) {
	resetQuota(8443, r.FormValue("user"))
	publicIP(r.FormValue("lookup"))
	applySlow(8443)
	resetQuotaVia(8443)
}
