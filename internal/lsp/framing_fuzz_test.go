package lsp

import (
	"bufio"
	"bytes"
	"encoding/json"
	"errors"
	"io"
	"net/textproto"
	"strconv"
	"testing"

	"github.com/sourcegraph/jsonrpc2"
)

// loopback is a stream's two ends for the fuzz test: input to read, and a
// buffer of what the stream wrote.
type loopback struct {
	io.Reader
	out bytes.Buffer
}

func (l *loopback) Write(p []byte) (int, error) { return l.out.Write(p) }
func (l *loopback) Close() error                { return nil }

// FuzzStream feeds arbitrary bytes to the server's framing and message
// decoding. Whatever the input, reading ends at its end (io.EOF or
// io.ErrUnexpectedEOF) without a panic, and everything the stream wrote
// is well-framed JSON-RPC error responses with the parse-error or
// invalid-request code.
func FuzzStream(f *testing.F) {
	for _, s := range []string{
		"Content-Length: 9\r\n\r\n{not json",
		"Content-Length: 2\r\n\r\n{}",
		"Content-Length: 6\r\n\r\n[1, 2]",
		"Content-Length: 24\r\n\r\n{\"jsonrpc\":\"2.0\",\"id\":7}",
		"Content-Length: nine\r\n\r\n{}Content-Length: 2\r\n\r\n{}",
		"Content-Length: -1\r\n\r\n",
		"Content-Length: 99999999999999999999\r\n\r\n",
		"Content-Length: 1000000000\r\n\r\nabc",
		"X-Nothing: 1\r\n\r\n",
		"no colon\r\n\r\n",
		"content-length: 2\n\n{}",
		"\r\n\r\n\r\n",
		"Content-Length: 55\r\n\r\n{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"shutdown\",\"params\":1}",
		"Content-Length: 40\r\n\r\n{\"jsonrpc\":\"2.0\",\"id\":{},\"method\":\"x\"}",
		"Content-Length: 3\r\n\r\n\"\xff\"",
		"Content-Length: 10\r\n\r\n",
		"Content-Length: 4\r\nContent-Length: 2\r\n\r\n{}",
		string(bytes.Repeat([]byte("A"), 5000)) + "\r\n\r\n",
	} {
		f.Add([]byte(s))
	}
	f.Fuzz(func(t *testing.T, data []byte) {
		lb := &loopback{Reader: bytes.NewReader(data)}
		s := newStream(lb)
		var err error
		for i := 0; ; i++ {
			if i > len(data)+1 {
				t.Fatalf("more messages than bytes: the stream does not advance")
			}
			var req jsonrpc2.Request
			if err = s.ReadObject(&req); err != nil {
				break
			}
			if _, merr := json.Marshal(&req); merr != nil {
				t.Fatalf("a message read does not re-encode: %v", merr)
			}
		}
		if !errors.Is(err, io.EOF) && !errors.Is(err, io.ErrUnexpectedEOF) {
			t.Fatalf("reading ended with %v, want the end of the input", err)
		}
		checkReplies(t, lb.out.Bytes())
	})
}

// checkReplies checks that out is a sequence of frames, each a JSON-RPC
// error response with code -32700 or -32600.
func checkReplies(t *testing.T, out []byte) {
	t.Helper()
	r := bufio.NewReader(bytes.NewReader(out))
	for {
		if _, err := r.Peek(1); err == io.EOF {
			return
		}
		h, err := textproto.NewReader(r).ReadMIMEHeader()
		if err != nil {
			t.Fatalf("reply header: %v in %q", err, out)
		}
		n, err := strconv.Atoi(h.Get("Content-Length"))
		if err != nil {
			t.Fatalf("reply Content-Length %q", h.Get("Content-Length"))
		}
		body := make([]byte, n)
		if _, err := io.ReadFull(r, body); err != nil {
			t.Fatalf("reply body: %v", err)
		}
		var resp struct {
			JSONRPC string           `json:"jsonrpc"`
			ID      *json.RawMessage `json:"id"`
			Error   *jsonrpc2.Error  `json:"error"`
			Result  *json.RawMessage `json:"result"`
		}
		if err := json.Unmarshal(body, &resp); err != nil {
			t.Fatalf("reply is not JSON: %s", body)
		}
		if resp.JSONRPC != "2.0" || resp.Error == nil || resp.Result != nil ||
			(resp.Error.Code != codeParseError && resp.Error.Code != codeInvalidRequest) {
			t.Fatalf("reply is not a parse or invalid-request error: %s", body)
		}
	}
}
