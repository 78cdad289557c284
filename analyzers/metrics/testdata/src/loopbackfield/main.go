// Command loopbackfield runs a forward proxy for a subprocess it starts
// (gotenberg's LibreOffice proxy): the constructor listens on 127.0.0.1
// and keeps the listener in an unexported field, and a method serves the
// field's server on it. A loopback server, not the public one: not held
// to the plan's metrics. loopbackfieldtwin listens on the operator's
// address.
package main

import (
	"context"
	"net"
	"net/http"
	"time"
)

type proxy struct {
	listener net.Listener
	server   *http.Server
}

func newProxy() (*proxy, error) {
	l, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		return nil, err
	}
	p := &proxy{listener: l}
	p.server = &http.Server{Handler: p, ReadHeaderTimeout: 10 * time.Second}
	return p, nil
}

func (p *proxy) ServeHTTP(w http.ResponseWriter, r *http.Request) {}

func (p *proxy) Addr() string { return p.listener.Addr().String() }

func (p *proxy) Start() {
	go func() { _ = p.server.Serve(p.listener) }()
}

func (p *proxy) Stop(ctx context.Context) error {
	err := p.server.Shutdown(ctx)
	p.listener = nil
	return err
}

func main() {
	p, err := newProxy()
	if err != nil {
		return
	}
	p.Start()
	defer func() { _ = p.Stop(context.Background()) }()
	println(p.Addr())
}
