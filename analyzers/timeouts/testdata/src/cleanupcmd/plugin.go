package cleanupcmd

import (
	"net/http"

	"github.com/spf13/cobra"
)

// UpdateConfig configures the update command (pocketbase's ghupdate):
// HTTPClient defaults to http.DefaultClient at registration and only the
// command reads it.
type UpdateConfig struct {
	HTTPClient *http.Client
}

// HookConfig is the twin: a handler reads its client.
type HookConfig struct {
	HTTPClient *http.Client
}

type plugin struct {
	update UpdateConfig
	hook   HookConfig
}

func Register(root *cobra.Command) {
	p := &plugin{}
	if p.update.HTTPClient == nil {
		p.update.HTTPClient = http.DefaultClient
	}
	if p.hook.HTTPClient == nil {
		p.hook.HTTPClient = http.DefaultClient // want `^http.DefaultClient has no timeout`
	}
	root.AddCommand(&cobra.Command{
		Use: "update",
		RunE: func(cmd *cobra.Command, args []string) error {
			return p.selfUpdate()
		},
	})
	http.Handle("/hook", p)
}

func (p *plugin) selfUpdate() error {
	resp, err := fetch(p.update.HTTPClient, "https://api.github.com/repos/x/y/releases/latest")
	if err != nil {
		return err
	}
	return resp.Body.Close()
}

func fetch(client *http.Client, url string) (*http.Response, error) {
	return client.Get(url)
}

func (p *plugin) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	req, err := http.NewRequest(http.MethodPost, "https://example.com/hook", nil) // want `^http.NewRequest in a request path has no context`
	if err != nil {
		return
	}
	resp, err := p.hook.HTTPClient.Do(req)
	if err == nil {
		_ = resp.Body.Close()
	}
}
