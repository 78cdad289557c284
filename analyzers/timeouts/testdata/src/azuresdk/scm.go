package azuresdk

import (
	"net/http"

	"github.com/drone/go-scm/scm"
)

// go-scm sends each call's request with the call's context: a client set
// as its Client is bounded by its callers' contexts.
func scmClient(c *scm.Client, tr http.RoundTripper) *scm.Client {
	c.Client = &http.Client{Transport: tr}
	return c
}

// scmOwn keeps the client in the program's own field, and sends with no
// context.
type scmOwn struct{ Client *http.Client }

func newSCMOwn(tr http.RoundTripper) *scmOwn {
	return &scmOwn{Client: &http.Client{Transport: tr}} // want `http.Client has no Timeout`
}

func (s *scmOwn) get(url string) error {
	resp, err := s.Client.Get(url)
	if err != nil {
		return err
	}
	return resp.Body.Close()
}
