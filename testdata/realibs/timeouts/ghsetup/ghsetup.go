// Package ghsetup is the real-libraries fixture of timeouts on go-github's
// GitHub App manifest flow: the set-up page's exchange of the one-time
// code for the new app's credentials (CompleteAppManifest) runs once per
// app, as the service is set up, and is not reported with
// context.Background(), directly in the handler (digger) or through a
// helper (atlantis' ExchangeCode). The twins list an installation's
// repositories with context.Background() on every request: reported.
package ghsetup

import (
	"context"
	"net/http"

	"github.com/google/go-github/v75/github"
)

type server struct{ gh *github.Client }

// exchangeCode completes the manifest flow.
func (s *server) exchangeCode(code string) (*github.AppConfig, error) {
	cfg, _, err := s.gh.Apps.CompleteAppManifest(context.Background(), code)
	return cfg, err
}

// listRepos lists the installation's repositories.
func (s *server) listRepos() (*github.ListRepositories, error) { // want `\(\*ghsetup.server\).listRepos runs an HTTP request with context.Background\(\)`
	repos, _, err := s.gh.Apps.ListRepos(context.Background(), nil)
	return repos, err
}

func (s *server) setupCallback(w http.ResponseWriter, r *http.Request) {
	if _, err := s.exchangeCode(r.URL.Query().Get("code")); err != nil {
		http.Error(w, err.Error(), http.StatusBadGateway)
	}
}

func (s *server) manifestCallback(w http.ResponseWriter, r *http.Request) {
	if _, _, err := s.gh.Apps.CompleteAppManifest(context.Background(), r.URL.Query().Get("code")); err != nil {
		http.Error(w, err.Error(), http.StatusBadGateway)
	}
}

func (s *server) repos(w http.ResponseWriter, r *http.Request) {
	if _, err := s.listRepos(); err != nil {
		http.Error(w, err.Error(), http.StatusBadGateway)
	}
}

func (s *server) reposDirect(w http.ResponseWriter, r *http.Request) {
	if _, _, err := s.gh.Apps.ListRepos(context.Background(), nil); err != nil { // want `\(\*github.AppsService\).ListRepos runs an HTTP request .* with context.Background\(\) in a request path`
		http.Error(w, err.Error(), http.StatusBadGateway)
	}
}

// Routes registers the handlers.
func Routes(mux *http.ServeMux, gh *github.Client) {
	s := &server{gh: gh}
	mux.HandleFunc("/github/setup", s.setupCallback)
	mux.HandleFunc("/github/manifest", s.manifestCallback)
	mux.HandleFunc("/github/repos", s.repos)
	mux.HandleFunc("/github/repos2", s.reposDirect)
}
