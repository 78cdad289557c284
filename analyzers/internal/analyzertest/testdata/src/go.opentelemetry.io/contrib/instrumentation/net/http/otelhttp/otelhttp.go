// Package otelhttp is a stub of go.opentelemetry.io/contrib/instrumentation/net/http/otelhttp.
package otelhttp

import "net/http"

type Option interface{}

func NewHandler(handler http.Handler, operation string, opts ...Option) http.Handler { return nil }

func NewMiddleware(operation string, opts ...Option) func(http.Handler) http.Handler { return nil }

type Transport struct{}

func (t *Transport) RoundTrip(r *http.Request) (*http.Response, error) { return nil, nil }

func NewTransport(base http.RoundTripper, opts ...Option) *Transport { return nil }
