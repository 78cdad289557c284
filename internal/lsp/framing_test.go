package lsp_test

import (
	"bufio"
	"context"
	"encoding/json"
	"fmt"
	"io"
	"net"
	"net/textproto"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/perfvet/perfvet/internal/lsp"
)

// rawConn talks to a server byte by byte, to send what no well-behaved
// client would.
type rawConn struct {
	t    *testing.T
	conn net.Conn
	r    *bufio.Reader
	done chan struct{}
}

func startRaw(t *testing.T) *rawConn {
	t.Helper()
	serverEnd, clientEnd := net.Pipe()
	ctx, cancel := context.WithCancel(context.Background())
	done := make(chan struct{})
	go func() {
		defer close(done)
		lsp.Serve(ctx, serverEnd, lsp.Options{Env: testEnv})
	}()
	t.Cleanup(func() {
		cancel()
		clientEnd.Close()
		select {
		case <-done:
		case <-time.After(10 * time.Second):
			t.Error("server did not stop")
		}
	})
	return &rawConn{t: t, conn: clientEnd, r: bufio.NewReader(clientEnd), done: done}
}

func (c *rawConn) send(raw string) {
	c.t.Helper()
	c.conn.SetWriteDeadline(time.Now().Add(10 * time.Second))
	if _, err := io.WriteString(c.conn, raw); err != nil {
		c.t.Fatalf("writing %q: %v", raw, err)
	}
}

func frame(body string) string {
	return fmt.Sprintf("Content-Length: %d\r\n\r\n%s", len(body), body)
}

// response is a JSON-RPC response as the test reads it.
type response struct {
	ID     json.RawMessage `json:"id"`
	Result json.RawMessage `json:"result"`
	Error  *struct {
		Code    int    `json:"code"`
		Message string `json:"message"`
	} `json:"error"`
}

// next returns the next response, skipping the server's notifications.
func (c *rawConn) next() response {
	c.t.Helper()
	c.conn.SetReadDeadline(time.Now().Add(20 * time.Second))
	for {
		tp := textproto.NewReader(c.r)
		h, err := tp.ReadMIMEHeader()
		if err != nil {
			c.t.Fatalf("reading a header (the server hung or closed): %v", err)
		}
		n, err := strconv.Atoi(h.Get("Content-Length"))
		if err != nil {
			c.t.Fatalf("bad Content-Length from the server: %q", h.Get("Content-Length"))
		}
		body := make([]byte, n)
		if _, err := io.ReadFull(c.r, body); err != nil {
			c.t.Fatalf("reading a body: %v", err)
		}
		var m map[string]json.RawMessage
		if err := json.Unmarshal(body, &m); err != nil {
			c.t.Fatalf("the server sent invalid JSON: %s", body)
		}
		if _, isCall := m["method"]; isCall {
			continue
		}
		var r response
		if err := json.Unmarshal(body, &r); err != nil {
			c.t.Fatal(err)
		}
		return r
	}
}

func (c *rawConn) wantError(code int, id string) {
	c.t.Helper()
	r := c.next()
	if r.Error == nil || r.Error.Code != code || string(r.ID) != id {
		c.t.Fatalf("got response id %s error %+v result %s; want error %d with id %s", r.ID, r.Error, r.Result, code, id)
	}
}

func (c *rawConn) wantResult(id string) response {
	c.t.Helper()
	r := c.next()
	if r.Error != nil || string(r.ID) != id {
		c.t.Fatalf("got response id %s error %+v; want a result with id %s", r.ID, r.Error, id)
	}
	return r
}

const initialize = `{"jsonrpc":"2.0","id":1,"method":"initialize","params":{"processId":null,"rootUri":null,"capabilities":{}}}`

// TestMalformedMessages checks that the server answers malformed input
// with JSON-RPC errors and goes on serving, before and after initialize.
func TestMalformedMessages(t *testing.T) {
	c := startRaw(t)

	// Before initialize: a body that is not JSON.
	c.send("Content-Length: 9\r\n\r\n{not json")
	c.wantError(-32700, "null")
	// JSON that is not a JSON-RPC message.
	c.send(frame(`[1, 2]`))
	c.wantError(-32600, "null")
	c.send(frame(`{"jsonrpc":"2.0","id":7}`))
	c.wantError(-32600, "7")
	// A header that gives no usable length: answered, and the server
	// finds the next message.
	c.send("Content-Length: nine\r\n\r\n{}")
	c.wantError(-32700, "null")
	c.send("X-Nothing: 1\r\n\r\n")
	c.wantError(-32700, "null")

	c.send(frame(initialize))
	c.wantResult("1")

	// After initialize: the same, then a request that must still work.
	c.send("Content-Length: 9\r\n\r\n{not json")
	c.wantError(-32700, "null")
	c.send("content-length: 2\nContent-Type: application/vscode-jsonrpc; charset=utf-8\n\n{}")
	c.wantError(-32600, "null")
	c.send(frame(`{"jsonrpc":"2.0","id":2,"method":"shutdown"}`))
	c.wantResult("2")
	c.send(frame(`{"jsonrpc":"2.0","method":"exit"}`))
	select {
	case <-c.done:
	case <-time.After(10 * time.Second):
		t.Fatal("the server did not exit after exit")
	}
}

// TestTruncatedInput checks that input ending inside a message ends the
// session instead of hanging or crashing it.
func TestTruncatedInput(t *testing.T) {
	for _, in := range []string{
		"Content-Length: 100\r\n\r\n{\"jsonrpc\"",
		"Content-Length: 9\r\n",
		"Content-Len",
	} {
		t.Run(strings.ReplaceAll(in, "\r\n", "|"), func(t *testing.T) {
			c := startRaw(t)
			c.send(in)
			c.conn.Close()
			select {
			case <-c.done:
			case <-time.After(10 * time.Second):
				t.Fatal("the server did not stop at the end of its input")
			}
		})
	}
}

// While a package does not type-check, the findings that need flow
// analysis (here pagesize's unclamped page size) stay, marked stale, instead
// of flickering away, and come back fresh once it type-checks again.
func TestStaleWhileIllTyped(t *testing.T) {
	const wholeTable = `page size from query parameter "limit" reaches LIMIT`
	dir := fixture(t)
	c := startServer(t, dir, lsp.Options{Debounce: 20 * time.Millisecond}, nil)
	text := c.open("api/api.go")
	c.wait("api/api.go", "the page-size finding", withVersion(1, hasMessage(wholeTable)))

	v := c.edit("api/api.go", text+"\nvar _ int = \"not an int\"\n")
	p := c.wait("api/api.go", "the finding kept, marked stale", withVersion(v, hasMessage(wholeTable)))
	if d := find(p, wholeTable); !strings.Contains(d.Message, "[stale") {
		t.Errorf("kept finding is not marked stale: %s", d.Message)
	}
	if d := find(p, queryMsg); strings.Contains(d.Message, "[stale") {
		t.Errorf("a finding the ill-typed package still produces is marked stale: %s", d.Message)
	}

	v = c.edit("api/api.go", text)
	p = c.wait("api/api.go", "the finding fresh again", withVersion(v, hasMessage(wholeTable)))
	if d := find(p, wholeTable); strings.Contains(d.Message, "[stale") {
		t.Errorf("finding still stale after the package type-checks: %s", d.Message)
	}
}
