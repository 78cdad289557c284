// Package unixfield keeps its servers in fields and starts them in a
// goroutine (focalboard's local-mode server): on a Unix socket its clients
// are local processes, not reported; on TCP it is.
package unixfield

import (
	"net"
	"net/http"
)

type Server struct {
	localServer  *http.Server
	publicServer *http.Server
}

func (s *Server) StartLocal(h http.Handler, socket string) error {
	s.localServer = &http.Server{Handler: h}
	l, err := net.Listen("unix", socket)
	if err != nil {
		return err
	}
	go func() {
		err = s.localServer.Serve(l)
	}()
	return nil
}

func (s *Server) StartPublic(h http.Handler, addr string) error {
	s.publicServer = &http.Server{Handler: h} // want `http.Server has no ReadHeaderTimeout or ReadTimeout`
	l, err := net.Listen("tcp", addr)
	if err != nil {
		return err
	}
	go func() {
		err = s.publicServer.Serve(l)
	}()
	return nil
}
