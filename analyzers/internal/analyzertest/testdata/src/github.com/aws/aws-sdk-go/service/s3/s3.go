// Package s3 stands in for github.com/aws/aws-sdk-go/service/s3: a
// context-less method and a WithContext variant per operation.
package s3

import (
	"context"
	"net/http"
	"time"
)

type S3 struct{ client *http.Client }

func New() *S3 { return &S3{client: &http.Client{Timeout: time.Minute}} }

type PutBucketCorsInput struct{ Bucket *string }

type PutObjectInput struct{ Bucket, Key *string }

func (c *S3) send(ctx context.Context, url string) error {
	req, err := http.NewRequestWithContext(ctx, http.MethodPut, url, nil)
	if err != nil {
		return err
	}
	resp, err := c.client.Do(req)
	if err != nil {
		return err
	}
	return resp.Body.Close()
}

// PutBucketCors writes a bucket's CORS rules (control plane), with no
// context: the SDK's own background one.
func (c *S3) PutBucketCors(in *PutBucketCorsInput) error {
	return c.send(context.Background(), "https://s3.example.com/?cors")
}

// PutObjectWithContext uploads an object (data plane).
func (c *S3) PutObjectWithContext(ctx context.Context, in *PutObjectInput) error {
	return c.send(ctx, "https://s3.example.com/object")
}
