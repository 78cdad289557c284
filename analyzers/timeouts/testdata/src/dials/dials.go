package dials

import (
	"context"
	"crypto/tls"
	"fmt"
	"net"
	"time"
)

func dial() {
	_, _ = net.Dial("tcp", "example.com:80")                 // want `net.Dial has no timeout`
	_, _ = tls.Dial("tcp", "example.com:443", &tls.Config{}) // want `tls.Dial has no timeout`
	_, _ = net.DialTimeout("tcp", "example.com:80", 3*time.Second)
	_, _ = net.Dial("unix", "/var/run/app.sock") // a Unix socket connects or fails at once
	_, _ = net.Dial("unixgram", "/dev/log")
	_, _ = net.Dial("udp", "8.8.8.8:80") // a UDP socket sends nothing when dialed
	_, _ = net.Dial("ip4:icmp", "192.0.2.1")
}

// A port of this host, by a constant loopback host (pgweb's check that a
// local port is free): the kernel answers or refuses at once. The twin
// formats the host too.
func portFree(port int) bool {
	conn, err := net.Dial("tcp", fmt.Sprintf("127.0.0.1:%v", port))
	if err != nil {
		return true
	}
	_ = conn.Close()
	return false
}

func hostUp(host string, port int) bool {
	conn, err := net.Dial("tcp", fmt.Sprintf("%s:%v", host, port)) // want `net.Dial has no timeout`
	if err != nil {
		return false
	}
	_ = conn.Close()
	return true
}

func dialer() {
	d := net.Dialer{}
	_, _ = d.Dial("tcp", "example.com:80") // want `\(\*net.Dialer\).Dial uses a net.Dialer with no Timeout`
}

func dialerPointer() {
	_, _ = (&net.Dialer{KeepAlive: time.Minute}).Dial("tcp", "example.com:80") // want `uses a net.Dialer with no Timeout`
}

func dialerTLS() {
	_, _ = tls.DialWithDialer(&net.Dialer{}, "tcp", "example.com:443", nil) // want `tls.DialWithDialer uses a net.Dialer with no Timeout`
}

func dialerGood() {
	d := net.Dialer{Timeout: 5 * time.Second}
	_, _ = d.Dial("tcp", "example.com:80")
	_, _ = tls.DialWithDialer(&net.Dialer{Timeout: time.Second}, "tcp", "example.com:443", nil)
	d2 := net.Dialer{}
	d2.Deadline = time.Now().Add(time.Second)
	_, _ = d2.Dial("tcp", "example.com:80")
}

func dialerContext(ctx context.Context) {
	// Bounded by the caller's context.
	_, _ = (&net.Dialer{}).DialContext(ctx, "tcp", "example.com:80")
}
