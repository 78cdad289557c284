// Package aws is the real-libraries fixture of timeouts' grouping by
// library function (the default; ../../timeouts runs per site): the
// package's handlers calling aws-sdk-go's GetObject with no context are
// one habit, one finding with the others related (writefreely's two mails
// through mailgun-go v2's Send); a call of another function with no
// context is its own finding, and the twin that passes the request's
// context is not reported.
package aws

import (
	"io"
	"net/http"

	"github.com/aws/aws-sdk-go/aws"
	"github.com/aws/aws-sdk-go/service/s3"
)

var svc *s3.S3

func input(key string) *s3.GetObjectInput {
	return &s3.GetObjectInput{Bucket: aws.String("files"), Key: aws.String(key)}
}

func download(w http.ResponseWriter, r *http.Request) {
	out, err := svc.GetObject(input(r.URL.Path)) // want `^\(\*s3.S3\).GetObject runs an HTTP request with no request context .*; and 1 more in 2 functions of this package \(related positions\)$`
	if err != nil {
		return
	}
	defer out.Body.Close()
	_, _ = io.Copy(w, out.Body)
}

// thumbnail calls GetObject with no context too: related to download's.
func thumbnail(w http.ResponseWriter, r *http.Request) {
	out, err := svc.GetObject(input("thumbs" + r.URL.Path))
	if err != nil {
		return
	}
	defer out.Body.Close()
	_, _ = io.Copy(w, out.Body)
}

// remove calls another function with no context: its own finding.
func remove(w http.ResponseWriter, r *http.Request) {
	_, _ = svc.DeleteObject(&s3.DeleteObjectInput{Bucket: aws.String("files"), Key: aws.String(r.URL.Path)}) // want `^\(\*s3.S3\).DeleteObject runs an HTTP request with no request context \(\(\*s3.S3\).DeleteObjectRequest .*down to it$`
}

func downloadWithContext(w http.ResponseWriter, r *http.Request) {
	out, err := svc.GetObjectWithContext(r.Context(), input(r.URL.Path))
	if err != nil {
		return
	}
	defer out.Body.Close()
	_, _ = io.Copy(w, out.Body)
}

func routes(mux *http.ServeMux) {
	mux.HandleFunc("/download/", download)
	mux.HandleFunc("/thumb/", thumbnail)
	mux.HandleFunc("/delete/", remove)
	mux.HandleFunc("/download2/", downloadWithContext)
}
