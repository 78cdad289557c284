package lsp

import (
	"bufio"
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"strconv"
	"strings"
	"sync"

	"github.com/sourcegraph/jsonrpc2"
)

// maxMessage bounds the body of one message the server reads. A client
// sends a file's text in didOpen and didChange; 64MB is far above any
// source file, and a larger Content-Length is skipped, not allocated.
const maxMessage = 64 << 20

// maxHeaderLine bounds one header line: a client's headers are
// Content-Length and Content-Type, a few dozen bytes.
const maxHeaderLine = 4 << 10

// JSON-RPC error codes for input the server cannot take as a message.
const (
	codeParseError     = -32700 // not JSON, or a frame with no usable length
	codeInvalidRequest = -32600 // JSON, but not a JSON-RPC request or response
)

// A stream is the LSP base protocol ("Content-Length: N\r\n\r\n" then N
// bytes of JSON) as a jsonrpc2.ObjectStream that survives bad input: a
// body that is not JSON gets a parse error (-32700), JSON that is not a
// JSON-RPC message an invalid-request error (-32600), a header block with
// no usable Content-Length a parse error, after which the stream looks for
// the next header; and the server goes on. Only the end of the input, or
// a failure to read it, ends the stream. jsonrpc2's own codec ends the
// connection on the first malformed message.
type stream struct {
	r *bufio.Reader
	c io.Closer

	mu sync.Mutex // serializes writes: replies from the reader and the connection's messages
	w  io.Writer
}

func newStream(rwc io.ReadWriteCloser) *stream {
	return &stream{r: bufio.NewReader(rwc), w: rwc, c: rwc}
}

// WriteObject implements jsonrpc2.ObjectStream.
func (s *stream) WriteObject(obj any) error {
	data, err := json.Marshal(obj)
	if err != nil {
		return err
	}
	return s.writeFrame(data)
}

func (s *stream) writeFrame(body []byte) error {
	s.mu.Lock()
	defer s.mu.Unlock()
	// One write per frame, so that a frame is never interleaved with
	// another writer's even on an unbuffered pipe.
	buf := make([]byte, 0, len(body)+32)
	buf = fmt.Appendf(buf, "Content-Length: %d\r\n\r\n", len(body))
	buf = append(buf, body...)
	_, err := s.w.Write(buf)
	return err
}

// Close implements jsonrpc2.ObjectStream.
func (s *stream) Close() error { return s.c.Close() }

// ReadObject implements jsonrpc2.ObjectStream: it returns the next
// well-formed message, answering and skipping malformed ones.
func (s *stream) ReadObject(v any) error {
	for {
		body, err := s.readFrame()
		var bad *badFrame
		switch {
		case errors.As(err, &bad):
			if werr := s.reply(nil, codeParseError, bad.msg); werr != nil {
				return werr
			}
			continue
		case err != nil:
			return err
		}
		if !json.Valid(body) {
			if werr := s.reply(nil, codeParseError, "parse error: the message is not valid JSON"); werr != nil {
				return werr
			}
			continue
		}
		if err := decodeMessage(body, v); err != nil {
			if werr := s.reply(requestID(body), codeInvalidRequest, "invalid request: "+err.Error()); werr != nil {
				return werr
			}
			continue
		}
		return nil
	}
}

// decodeMessage decodes a JSON-RPC message into v, turning a panic of a
// decoder into an error: bad input must not take the server down.
func decodeMessage(body []byte, v any) (err error) {
	defer func() {
		if r := recover(); r != nil {
			err = fmt.Errorf("cannot decode the message: %v", r)
		}
	}()
	return json.Unmarshal(body, v)
}

// reply sends an error response for input that is not a message.
func (s *stream) reply(id *jsonrpc2.ID, code int64, msg string) error {
	resp := struct {
		JSONRPC string          `json:"jsonrpc"`
		ID      *jsonrpc2.ID    `json:"id"` // null when the id cannot be read
		Error   *jsonrpc2.Error `json:"error"`
	}{"2.0", id, &jsonrpc2.Error{Code: code, Message: msg}}
	data, err := json.Marshal(resp)
	if err != nil {
		return err
	}
	return s.writeFrame(data)
}

// requestID returns the id of a JSON object that has a valid one, so that
// an invalid request's error reaches the call that sent it.
func requestID(body []byte) *jsonrpc2.ID {
	var m struct {
		ID *jsonrpc2.ID `json:"id"`
	}
	if json.Unmarshal(body, &m) != nil {
		return nil
	}
	return m.ID
}

// A badFrame is a header block the stream cannot take a body from.
type badFrame struct{ msg string }

func (b *badFrame) Error() string { return b.msg }

// readFrame reads one header block and its body. A block with no usable
// Content-Length is a *badFrame; since its body's extent is unknown, the
// next frame's Content-Length is looked for anywhere in a line. The end of the input inside a frame is
// io.ErrUnexpectedEOF; before one, io.EOF.
func (s *stream) readFrame() ([]byte, error) {
	length, problem := -1, ""
	first := true
	for {
		line, err := s.readLine()
		if err != nil {
			if errors.Is(err, io.EOF) && !first {
				return nil, io.ErrUnexpectedEOF
			}
			return nil, err
		}
		if line == "" {
			if first {
				continue // blank lines between frames carry nothing
			}
			break
		}
		first = false
		// After a frame whose body could not be delimited, that body runs
		// into the next header: resynchronize on the header's name.
		if i := strings.Index(strings.ToLower(line), "content-length:"); i > 0 {
			line = line[i:]
		}
		name, value, ok := strings.Cut(line, ":")
		if !ok {
			problem = fmt.Sprintf("parse error: malformed header line %q", truncate(line))
			continue
		}
		switch strings.ToLower(strings.TrimSpace(name)) {
		case "content-length":
			n, err := strconv.ParseInt(strings.TrimSpace(value), 10, 64)
			if err != nil || n < 0 {
				problem = fmt.Sprintf("parse error: Content-Length %q is not a length", truncate(strings.TrimSpace(value)))
				continue
			}
			length = int(min(n, maxMessage+1))
			if n > maxMessage {
				// Skip the body without holding it.
				problem = fmt.Sprintf("parse error: a message of %d bytes is above the limit of %d", n, maxMessage)
				if _, err := io.CopyN(io.Discard, s.r, n); err != nil {
					return nil, io.ErrUnexpectedEOF
				}
				return nil, &badFrame{problem}
			}
		case "content-type":
			// utf-8 is the only charset LSP defines; any other is ignored.
		}
	}
	if length < 0 {
		if problem == "" {
			problem = "parse error: the header has no Content-Length"
		}
		return nil, &badFrame{problem}
	}
	body := make([]byte, length)
	if _, err := io.ReadFull(s.r, body); err != nil {
		return nil, io.ErrUnexpectedEOF
	}
	return body, nil
}

// readLine reads one header line without its line end ("\r\n", or "\n"
// from a lenient client). A line longer than maxHeaderLine is cut: its
// rest is read and dropped.
func (s *stream) readLine() (string, error) {
	var line []byte
	for {
		chunk, err := s.r.ReadSlice('\n')
		if len(line) < maxHeaderLine {
			line = append(line, chunk[:min(len(chunk), maxHeaderLine-len(line))]...)
		}
		switch {
		case err == nil:
			return string(bytes.TrimRight(line, "\r\n")), nil
		case errors.Is(err, bufio.ErrBufferFull):
			continue
		case err == io.EOF && len(line) > 0:
			return "", io.ErrUnexpectedEOF
		default:
			return "", err
		}
	}
}

func truncate(s string) string {
	if len(s) > 40 {
		return s[:40] + "..."
	}
	return s
}
