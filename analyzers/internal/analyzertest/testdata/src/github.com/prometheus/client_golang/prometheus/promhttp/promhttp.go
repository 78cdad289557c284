// Package promhttp is a stub of github.com/prometheus/client_golang/prometheus/promhttp.
package promhttp

import (
	"net/http"

	"github.com/prometheus/client_golang/prometheus"
)

func Handler() http.Handler { return nil }

type Option interface{}

func InstrumentHandlerDuration(obs prometheus.ObserverVec, next http.Handler, opts ...Option) http.HandlerFunc {
	return nil
}
func InstrumentHandlerCounter(counter *prometheus.CounterVec, next http.Handler, opts ...Option) http.HandlerFunc {
	return nil
}

type RoundTripperFunc func(req *http.Request) (*http.Response, error)

func (rt RoundTripperFunc) RoundTrip(r *http.Request) (*http.Response, error) { return rt(r) }

func InstrumentRoundTripperDuration(obs prometheus.ObserverVec, next http.RoundTripper, opts ...Option) RoundTripperFunc {
	return nil
}
