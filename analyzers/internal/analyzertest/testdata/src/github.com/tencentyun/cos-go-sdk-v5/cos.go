// Package cos stands in for github.com/tencentyun/cos-go-sdk-v5: its
// methods take a context and send their requests under it.
package cos

import (
	"context"
	"net/http"
	"time"
)

type Client struct {
	Bucket *BucketService
	Object *ObjectService
}

type BucketService struct{ client *http.Client }

type ObjectService struct{ client *http.Client }

func NewClient() *Client {
	c := &http.Client{Timeout: time.Minute}
	return &Client{Bucket: &BucketService{client: c}, Object: &ObjectService{client: c}}
}

type BucketPutCORSOptions struct{ Origins []string }

func send(ctx context.Context, c *http.Client, url string) error {
	req, err := http.NewRequestWithContext(ctx, http.MethodPut, url, nil)
	if err != nil {
		return err
	}
	resp, err := c.Do(req)
	if err != nil {
		return err
	}
	return resp.Body.Close()
}

// PutCORS writes the bucket's CORS rules (control plane).
func (s *BucketService) PutCORS(ctx context.Context, opt *BucketPutCORSOptions) error {
	return send(ctx, s.client, "https://cos.example.com/?cors")
}

// Put uploads an object (data plane).
func (s *ObjectService) Put(ctx context.Context, name string) error {
	return send(ctx, s.client, "https://cos.example.com/"+name)
}
