// Package ephemeralfield keeps a server in a field of the value a
// constructor returns and serves it in a method (portainer's agent proxy
// servers): on net.Listen("tcp", ":0"), whose port the program reads back
// to hand to its own tools, only the program reaches it: not reported. On
// a listener of the configured address, whose port nobody reads back, it
// is the public server: reported.
package ephemeralfield

import (
	"net"
	"net/http"
)

type ProxyServer struct {
	server *http.Server
	Port   int
}

func NewProxy(h http.Handler) (*ProxyServer, error) {
	p := &ProxyServer{server: &http.Server{Handler: h}}
	return p, p.start()
}

func (p *ProxyServer) start() error {
	l, err := net.Listen("tcp", ":0")
	if err != nil {
		return err
	}
	p.Port = l.Addr().(*net.TCPAddr).Port
	go func() { _ = p.server.Serve(l) }()
	return nil
}

type PublicServer struct {
	server *http.Server
	Addr   string
}

func NewPublic(h http.Handler, addr string) (*PublicServer, error) {
	s := &PublicServer{server: &http.Server{Handler: h}, Addr: addr} // want `http.Server has no ReadHeaderTimeout or ReadTimeout`
	return s, s.start()
}

func (s *PublicServer) start() error {
	l, err := net.Listen("tcp", s.Addr)
	if err != nil {
		return err
	}
	go func() { _ = s.server.Serve(l) }()
	return nil
}

// LocalProxy keeps both the server and its listener in fields (gotenberg's
// LibreOffice proxy, for a subprocess it starts): the constructor listens
// on 127.0.0.1, and the method serves the field's server on the field's
// listener. Only the machine reaches it: not reported. Its twin
// ExposedProxy listens on the address it is given: reported.
type LocalProxy struct {
	listener net.Listener
	server   *http.Server
}

func NewLocalProxy(h http.Handler) (*LocalProxy, error) {
	l, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		return nil, err
	}
	return &LocalProxy{listener: l, server: &http.Server{Handler: h}}, nil
}

func (p *LocalProxy) Start() { go func() { _ = p.server.Serve(p.listener) }() }

type ExposedProxy struct {
	listener net.Listener
	server   *http.Server
}

func NewExposedProxy(h http.Handler, addr string) (*ExposedProxy, error) {
	l, err := net.Listen("tcp", addr)
	if err != nil {
		return nil, err
	}
	return &ExposedProxy{listener: l, server: &http.Server{Handler: h}}, nil // want `http.Server has no ReadHeaderTimeout or ReadTimeout`
}

func (p *ExposedProxy) Start() { go func() { _ = p.server.Serve(p.listener) }() }
