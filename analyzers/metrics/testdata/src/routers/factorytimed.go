package routers

import (
	"net/http"

	"github.com/prometheus/client_golang/prometheus"
	"github.com/prometheus/client_golang/prometheus/promhttp"
)

// The media size histograms of a download handler (dendrite's makeDownloadAPI
// records the sizes of downloads and thumbnails): the handler's own, not how its
// router measures requests.
var (
	fileSizes  = prometheus.NewHistogramVec(prometheus.HistogramOpts{Name: "media_download_size_bytes"}, []string{"kind"})
	thumbSizes = prometheus.NewHistogramVec(prometheus.HistogramOpts{Name: "media_thumbnail_size_bytes"}, []string{"kind"})
)

// makeDownload makes a download handler: it wraps no handler of its
// caller's, and records the sizes it serves.
func makeDownload(name, kind string) http.HandlerFunc {
	sizes := fileSizes
	if name == "thumbnail" {
		sizes = thumbSizes
	}
	return func(w http.ResponseWriter, r *http.Request) {
		sizes.WithLabelValues(kind).Observe(float64(r.ContentLength))
	}
}

// servedCounter counts the media a handler serves, by status code.
var servedCounter = prometheus.NewCounterVec(prometheus.CounterOpts{Name: "media_served_total"}, []string{"code"})

// makeServe makes a handler that promhttp counts into the program's own
// counter (dendrite's makeDownloadAPI): the handler's own count too.
func makeServe(dir string) http.HandlerFunc {
	return promhttp.InstrumentHandlerCounter(servedCounter, http.FileServer(http.Dir(dir)))
}

// countServed is makeDownload's twin: a wrapper of the handler it is
// given that records the same way, the router's way of measuring.
func countServed(name, kind string, next http.Handler) http.Handler {
	sizes := fileSizes
	if name == "thumbnail" {
		sizes = thumbSizes
	}
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		sizes.WithLabelValues(kind).Observe(float64(r.ContentLength))
		next.ServeHTTP(w, r)
	})
}

// factoryTimed: the download handlers' own histograms are no evidence of
// how the router's routes are measured; nothing is reported.
func factoryTimed() *http.ServeMux {
	mux := http.NewServeMux()
	mux.Handle("GET /download/{id}", makeDownload("download", "file"))
	mux.Handle("GET /thumbnail/{id}", makeDownload("thumbnail", "file"))
	mux.Handle("GET /static/", makeServe("static"))
	mux.HandleFunc("POST /upload", h)
	return mux
}

// wrapperCounted is its twin: the wrapper covers two routes, and the
// route it does not cover is reported.
func wrapperCounted() *http.ServeMux {
	mux := http.NewServeMux()
	mux.Handle("GET /download/{id}", countServed("download", "file", http.HandlerFunc(h)))
	mux.Handle("GET /thumbnail/{id}", countServed("thumbnail", "file", http.HandlerFunc(h)))
	mux.HandleFunc("POST /upload", h) // want `route "POST /upload" is not covered by the metrics middleware \(routers.countServed\)`
	return mux
}
