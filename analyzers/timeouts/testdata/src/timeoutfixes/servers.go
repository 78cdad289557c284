package timeoutfixes

import (
	"net/http"
	"time"
)

func bare(h http.Handler) error {
	srv := &http.Server{Addr: ":8080", Handler: h} // want `http.Server has no ReadHeaderTimeout or ReadTimeout`
	return srv.ListenAndServe()
}

func serverBounded(h http.Handler) error {
	srv := &http.Server{Addr: ":8080", Handler: h, ReadHeaderTimeout: 5 * time.Second}
	return srv.ListenAndServe()
}

// The WriteTimeout the author chose stays.
func writeOnly(h http.Handler) error {
	srv := &http.Server{Addr: ":8080", Handler: h, WriteTimeout: 5 * time.Second} // want `http.Server has no ReadHeaderTimeout or ReadTimeout`
	return srv.ListenAndServe()
}

func value(h http.Handler) error {
	srv := http.Server{ // want `http.Server has no ReadHeaderTimeout or ReadTimeout`
		Addr:    ":8080",
		Handler: h,
	}
	return srv.ListenAndServe()
}

func valueBounded(h http.Handler) error {
	srv := http.Server{
		Addr:              ":8080",
		Handler:           h,
		ReadHeaderTimeout: 5 * time.Second,
	}
	return srv.ListenAndServe()
}

// serverZeroedLater: the function turns the read timeout off after the literal;
// a fix in the literal would be undone, so none is offered.
func serverZeroedLater(h http.Handler) error {
	srv := &http.Server{Addr: ":8080", Handler: h} // want `http.Server has no ReadHeaderTimeout or ReadTimeout`
	srv.ReadTimeout = 0
	return srv.ListenAndServe()
}
