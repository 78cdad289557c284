// Package tailnet serves an operators' console on the program's own
// tailnet node (headscale's TailSQL): only the tailnet's devices reach
// it. The twin serves through Tailscale Funnel, which the internet
// reaches.
package tailnet

import (
	"net/http"

	"tailscale.com/tsnet"
)

func ServeConsole(node *tsnet.Server, https bool, mux http.Handler) error {
	lst, err := node.Listen("tcp", ":80")
	if err != nil {
		return err
	}
	if https {
		go func() {
			_ = http.Serve(lst, http.RedirectHandler("https://console/", http.StatusPermanentRedirect))
		}()
		lst, err = node.ListenTLS("tcp", ":443")
		if err != nil {
			return err
		}
	}
	go func() {
		_ = http.Serve(lst, mux)
	}()
	return nil
}

func ServeFunnel(node *tsnet.Server, mux http.Handler) error {
	lst, err := node.ListenFunnel("tcp", ":443")
	if err != nil {
		return err
	}
	return http.Serve(lst, mux) // want `http.Serve serves with no read or write timeouts`
}
