// Package sharedtimeout: a client in a package variable, with no
// Timeout where it is made, whose one use sets its Timeout and sends a
// request under context.WithTimeout (gorush's feedbackClient): bounded,
// not reported. Its twin sets the client's Transport and sends a request
// with no deadline.
package sharedtimeout

import (
	"context"
	"net/http"
	"time"
)

var feedback = &http.Client{Transport: http.DefaultTransport}

var mirror = &http.Client{} // want `http.Client has no Timeout`

func dispatch(ctx context.Context, url string, secs int64) error {
	ctx, cancel := context.WithTimeout(ctx, time.Duration(secs)*time.Second)
	defer cancel()
	req, err := http.NewRequestWithContext(ctx, http.MethodPost, url, nil)
	if err != nil {
		return err
	}
	feedback.Timeout = time.Duration(secs) * time.Second
	resp, err := feedback.Do(req)
	if err != nil {
		return err
	}
	return resp.Body.Close()
}

func fetch(url string) error {
	mirror.Transport = http.DefaultTransport
	resp, err := mirror.Get(url)
	if err != nil {
		return err
	}
	return resp.Body.Close()
}

var _, _ = dispatch, fetch
