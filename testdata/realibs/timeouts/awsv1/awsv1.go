// Package awsv1 is the real-libraries fixture of timeouts on aws-sdk-go
// (v1): a download that reads an object with no context is reported; its
// twin passes the request's; a presigned link sends nothing (gokapi's
// redirect to S3), while the same builder whose request is sent is
// reported.
package awsv1

import (
	"io"
	"net/http"
	"time"

	"github.com/aws/aws-sdk-go/aws"
	"github.com/aws/aws-sdk-go/service/s3"
)

var svc *s3.S3

func input(key string) *s3.GetObjectInput {
	return &s3.GetObjectInput{Bucket: aws.String("files"), Key: aws.String(key)}
}

func download(w http.ResponseWriter, r *http.Request) {
	out, err := svc.GetObject(input(r.URL.Path)) // want `\(\*s3.S3\).GetObject runs an HTTP request with no request context`
	if err != nil {
		return
	}
	defer out.Body.Close()
	_, _ = io.Copy(w, out.Body)
}

func downloadWithContext(w http.ResponseWriter, r *http.Request) {
	out, err := svc.GetObjectWithContext(r.Context(), input(r.URL.Path))
	if err != nil {
		return
	}
	defer out.Body.Close()
	_, _ = io.Copy(w, out.Body)
}

func redirect(w http.ResponseWriter, r *http.Request) {
	req, _ := svc.GetObjectRequest(input(r.URL.Path))
	link, err := req.Presign(15 * time.Second)
	if err != nil {
		return
	}
	http.Redirect(w, r, link, http.StatusTemporaryRedirect)
}

func sendBuilt(w http.ResponseWriter, r *http.Request) {
	req, _ := svc.GetObjectRequest(input(r.URL.Path)) // want `\(\*s3.S3\).GetObjectRequest runs an HTTP request with no request context`
	_ = req.Send()
}

func routes(mux *http.ServeMux) {
	mux.HandleFunc("/download/", download)
	mux.HandleFunc("/download2/", downloadWithContext)
	mux.HandleFunc("/link/", redirect)
	mux.HandleFunc("/send/", sendBuilt)
}
