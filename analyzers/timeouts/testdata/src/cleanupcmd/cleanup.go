// Package cleanupcmd holds command-line commands that an operator runs at
// a terminal (remark42's cleanup, a go-flags command; a cobra command):
// their clients, used in place, are the operator's to interrupt. The
// twins: a client the command hands to a server, a handler the command
// registers, an exported helper other packages may call, and func main.
package cleanupcmd

import (
	"net/http"

	"github.com/spf13/cobra"
)

// CleanupCommand is a go-flags command: Execute([]string) error.
type CleanupCommand struct{ URL string }

func (cc *CleanupCommand) Execute(_ []string) error { // want Execute:`io\(detached: HTTP request via \(\*cleanupcmd.CleanupCommand\).deleteComment → http.NewRequest\)`
	for _, id := range []string{"a", "b"} {
		if err := cc.deleteComment(id); err != nil {
			return err
		}
	}
	resp, err := http.Get(cc.URL + "/api/v1/config")
	if err != nil {
		return err
	}
	return resp.Body.Close()
}

func (cc *CleanupCommand) deleteComment(id string) error {
	req, err := http.NewRequest(http.MethodDelete, cc.URL+"/api/v1/admin/comment/"+id, http.NoBody)
	if err != nil {
		return err
	}
	client := http.Client{}
	defer client.CloseIdleConnections()
	resp, err := client.Do(req)
	if err != nil {
		return err
	}
	return resp.Body.Close()
}

// DeleteAll is exported: another package may call it from a request.
func (cc *CleanupCommand) DeleteAll() error {
	client := &http.Client{} // want `^http.Client has no Timeout`
	resp, err := client.Get(cc.URL + "/api/v1/admin/all")
	if err != nil {
		return err
	}
	return resp.Body.Close()
}

var serveCmd = &cobra.Command{
	Use: "serve",
	RunE: func(cmd *cobra.Command, args []string) error {
		resp, err := http.Get("https://example.com/version") // a one-off at start-up
		if err != nil {
			return err
		}
		_ = resp.Body.Close()
		api := &http.Client{} // want `^http.Client has no Timeout`
		mux := http.NewServeMux()
		mux.HandleFunc("/feed", func(w http.ResponseWriter, r *http.Request) {
			resp, err := http.Get("https://example.com/feed") // want `^http.Get sends the request through http.DefaultClient`
			if err == nil {
				_ = resp.Body.Close()
			}
		})
		mux.Handle("/proxy", proxy{client: api})
		return (&http.Server{Addr: ":8080", Handler: mux, ReadHeaderTimeout: 5e9}).ListenAndServe()
	},
}

type proxy struct{ client *http.Client }

func (p proxy) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	req, err := http.NewRequest(http.MethodGet, "https://example.com"+r.URL.Path, nil) // want `^http.NewRequest in a request path has no context`
	if err != nil {
		return
	}
	resp, err := p.client.Do(req)
	if err == nil {
		_ = resp.Body.Close()
	}
}

func Commands() []*cobra.Command { return []*cobra.Command{serveCmd} }

// The body of validateCmd is the function literal that validate returns
// (permify's commands): a command's one-off. Its twin, fetcher, returns a
// function literal that is not a command's body.
var validateCmd = &cobra.Command{
	Use:  "validate",
	RunE: validate(),
}

func validate() func(cmd *cobra.Command, args []string) error {
	return func(cmd *cobra.Command, args []string) error {
		resp, err := http.Get(args[0])
		if err != nil {
			return err
		}
		return resp.Body.Close()
	}
}

func fetcher() func(url string) error {
	return func(url string) error {
		resp, err := http.Get(url) // want `^http.Get sends the request through http.DefaultClient`
		if err != nil {
			return err
		}
		return resp.Body.Close()
	}
}

var _, _ = validateCmd, fetcher
