// Package nildefault takes its client from its caller and falls back to
// http.DefaultClient when given nil (pocket-id's SCIM service): the
// caller chooses, and the fallback is not reported. Its twin falls back
// to the default client whatever it is given, and is.
package nildefault

import "net/http"

type Service struct{ client *http.Client }

func newService(client *http.Client) *Service {
	if client == nil {
		client = http.DefaultClient
	}
	return &Service{client: client}
}

func newServiceAlways(client *http.Client) *Service {
	s := &Service{client: client}
	s.client = http.DefaultClient // want `http.DefaultClient has no timeout`
	return s
}

var _, _ = newService(nil), newServiceAlways(nil)
