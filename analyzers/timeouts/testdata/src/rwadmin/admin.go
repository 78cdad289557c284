// want package:`causes\(rwadmin \(\*rwadmin.S3Driver\).put, rwadmin \(rwadmin.COSDriver\).put\)`

// Package rwadmin: an admin's storage-policy setup writes the bucket's
// CORS rules through the storage SDKs without the request's context
// (cloudreve's CreateStoragePolicyCorsService): a control-plane one-off,
// not reported. The twins upload through the same SDKs, per request.
package rwadmin

import (
	"context"
	"net/http"

	"github.com/aws/aws-sdk-go/service/s3"
	cos "github.com/tencentyun/cos-go-sdk-v5"
)

type S3Driver struct {
	svc    *s3.S3
	bucket string
}

// cors writes the bucket's CORS rules: not reported.
func (d *S3Driver) cors() error {
	return d.svc.PutBucketCors(&s3.PutBucketCorsInput{Bucket: &d.bucket})
}

// put is the twin: an upload under context.Background(), reported.
func (d *S3Driver) put(key string) error { // want `^\(\*rwadmin.S3Driver\).put runs an HTTP request with context.Background\(\)`
	return d.svc.PutObjectWithContext(context.Background(), &s3.PutObjectInput{Bucket: &d.bucket, Key: &key})
}

type COSDriver struct{ client *cos.Client }

// cors passes context.Background() to the bucket's CORS write: not reported.
func (d COSDriver) cors() error {
	return d.client.Bucket.PutCORS(context.Background(), &cos.BucketPutCORSOptions{Origins: []string{"*"}})
}

// put is the twin: an upload under context.Background(), reported.
func (d COSDriver) put(name string) error { // want `^\(rwadmin.COSDriver\).put runs an HTTP request with context.Background\(\)`
	return d.client.Object.Put(context.Background(), name)
}

func setupCORS(w http.ResponseWriter, r *http.Request) {
	s := &S3Driver{svc: s3.New(), bucket: r.FormValue("bucket")}
	if err := s.cors(); err != nil {
		http.Error(w, err.Error(), http.StatusBadGateway)
		return
	}
	c := COSDriver{client: cos.NewClient()}
	if err := c.cors(); err != nil {
		http.Error(w, err.Error(), http.StatusBadGateway)
	}
	// The admin's handler calling the SDK itself: not reported either.
	_ = c.client.Bucket.PutCORS(context.Background(), &cos.BucketPutCORSOptions{})
}

func upload(w http.ResponseWriter, r *http.Request) {
	s := &S3Driver{svc: s3.New(), bucket: "files"}
	if err := s.put(r.FormValue("key")); err != nil {
		http.Error(w, err.Error(), http.StatusBadGateway)
		return
	}
	c := COSDriver{client: cos.NewClient()}
	if err := c.put(r.FormValue("key")); err != nil {
		http.Error(w, err.Error(), http.StatusBadGateway)
	}
	_ = c.client.Object.Put(context.Background(), "x") // want `context.Background\(\) in a request path`
}
