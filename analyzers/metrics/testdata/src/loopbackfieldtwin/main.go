// Command loopbackfieldtwin is loopbackfield listening on the address its
// operator gives: the public server, reported.
package main

import (
	"context"
	"flag"
	"net"
	"net/http"
	"time"
)

type proxy struct {
	listener net.Listener
	server   *http.Server
}

func newProxy(addr string) (*proxy, error) {
	l, err := net.Listen("tcp", addr)
	if err != nil {
		return nil, err
	}
	p := &proxy{listener: l}
	p.server = &http.Server{Handler: p, ReadHeaderTimeout: 10 * time.Second}
	return p, nil
}

func (p *proxy) ServeHTTP(w http.ResponseWriter, r *http.Request) {}

func (p *proxy) Start() { // want Start:`serves\(param 0\)`
	go func() { _ = p.server.Serve(p.listener) }()
}

func (p *proxy) Stop(ctx context.Context) error {
	err := p.server.Shutdown(ctx)
	p.listener = nil
	return err
}

func main() {
	addr := flag.String("addr", ":8080", "listen address")
	flag.Parse()
	p, err := newProxy(*addr)
	if err != nil {
		return
	}
	p.Start() // want `the program served here does not define http_request_duration_seconds`
	defer func() { _ = p.Stop(context.Background()) }()
}
