package lsp_test

import (
	"context"
	"encoding/json"
	"net"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/sourcegraph/jsonrpc2"
	protocol "github.com/tliron/glsp/protocol_3_16"

	"github.com/perfvet/perfvet/internal/lsp"
)

var testEnv = append(os.Environ(), "GOFLAGS=-mod=mod", "GOWORK=off", "GOPROXY=off")

// A client is a minimal LSP client for tests: it records every
// publishDiagnostics and answers the server's requests.
type client struct {
	t    *testing.T
	conn *jsonrpc2.Conn
	dir  string

	mu      sync.Mutex
	diags   map[string]protocol.PublishDiagnosticsParams // latest, by path
	count   map[string]int                               // publications, by path
	raw     map[string]string                            // latest publication's JSON, by path
	logs    []string
	changed chan struct{}
	version map[string]int32
}

func startServer(t *testing.T, dir string, opts lsp.Options, initOpts any) *client {
	t.Helper()
	serverEnd, clientEnd := net.Pipe()
	ctx, cancel := context.WithCancel(context.Background())
	if opts.Env == nil {
		opts.Env = testEnv
	}
	if testing.Verbose() {
		opts.Log = testLog{t}
	}
	done := make(chan struct{})
	go func() {
		defer close(done)
		lsp.Serve(ctx, serverEnd, opts)
	}()
	c := &client{t: t, dir: dir, diags: make(map[string]protocol.PublishDiagnosticsParams), count: make(map[string]int), raw: make(map[string]string),
		changed: make(chan struct{}, 1), version: make(map[string]int32)}
	c.conn = jsonrpc2.NewConn(ctx, jsonrpc2.NewBufferedStream(clientEnd, jsonrpc2.VSCodeObjectCodec{}), jsonrpc2.HandlerWithError(c.handle))
	t.Cleanup(func() {
		c.conn.Call(context.Background(), "shutdown", nil, nil)
		c.conn.Notify(context.Background(), "exit", nil)
		select {
		case <-done:
		case <-time.After(10 * time.Second):
			t.Error("server did not exit")
		}
		cancel()
		c.conn.Close()
	})
	var res json.RawMessage
	params := map[string]any{
		"processId": nil,
		"rootUri":   "file://" + dir,
		"capabilities": map[string]any{
			"workspace": map[string]any{"didChangeWatchedFiles": map[string]any{"dynamicRegistration": true}},
		},
		"initializationOptions": initOpts,
	}
	if err := c.conn.Call(ctx, "initialize", params, &res); err != nil {
		t.Fatalf("initialize: %v", err)
	}
	if !strings.Contains(string(res), `"codeActionProvider"`) {
		t.Errorf("initialize result: %s", res)
	}
	c.conn.Notify(ctx, "initialized", map[string]any{})
	return c
}

type testLog struct{ t *testing.T }

func (l testLog) Write(p []byte) (int, error) {
	l.t.Log(strings.TrimSpace(string(p)))
	return len(p), nil
}

func (c *client) handle(ctx context.Context, conn *jsonrpc2.Conn, req *jsonrpc2.Request) (any, error) {
	switch req.Method {
	case "textDocument/publishDiagnostics":
		var p protocol.PublishDiagnosticsParams
		if err := json.Unmarshal(*req.Params, &p); err != nil {
			c.t.Errorf("publishDiagnostics: %v", err)
			return nil, nil
		}
		path := strings.TrimPrefix(p.URI, "file://")
		c.mu.Lock()
		c.diags[path] = p
		c.count[path]++
		c.raw[path] = string(*req.Params)
		c.mu.Unlock()
		select {
		case c.changed <- struct{}{}:
		default:
		}
	case "window/logMessage", "window/showMessage":
		var p protocol.LogMessageParams
		json.Unmarshal(*req.Params, &p)
		c.mu.Lock()
		c.logs = append(c.logs, p.Message)
		c.mu.Unlock()
	case "client/registerCapability":
		return nil, nil
	}
	return nil, nil
}

func (c *client) path(rel string) string { return filepath.Join(c.dir, filepath.FromSlash(rel)) }

func (c *client) open(rel string) string {
	path := c.path(rel)
	text, err := os.ReadFile(path)
	if err != nil {
		c.t.Fatal(err)
	}
	lang := "go"
	if strings.HasSuffix(rel, ".yaml") {
		lang = "yaml"
	}
	c.mu.Lock()
	c.version[path] = 1
	c.mu.Unlock()
	c.notify("textDocument/didOpen", map[string]any{"textDocument": map[string]any{
		"uri": "file://" + path, "languageId": lang, "version": 1, "text": string(text)}})
	return string(text)
}

// edit replaces the document's whole text and returns the new version.
func (c *client) edit(rel, text string) int32 {
	path := c.path(rel)
	c.mu.Lock()
	c.version[path]++
	v := c.version[path]
	c.mu.Unlock()
	c.notify("textDocument/didChange", map[string]any{
		"textDocument":   map[string]any{"uri": "file://" + path, "version": v},
		"contentChanges": []any{map[string]any{"text": text}},
	})
	return v
}

func (c *client) save(rel string) {
	c.notify("textDocument/didSave", map[string]any{"textDocument": map[string]any{"uri": "file://" + c.path(rel)}})
}

func (c *client) notify(method string, params any) {
	if err := c.conn.Notify(context.Background(), method, params); err != nil {
		c.t.Fatalf("%s: %v", method, err)
	}
}

// wait waits until cond holds of the latest diagnostics of a file.
func (c *client) wait(rel string, what string, cond func(protocol.PublishDiagnosticsParams) bool) protocol.PublishDiagnosticsParams {
	c.t.Helper()
	path := c.path(rel)
	deadline := time.After(3 * time.Minute)
	for {
		c.mu.Lock()
		p, ok := c.diags[path]
		c.mu.Unlock()
		if ok && cond(p) {
			return p
		}
		select {
		case <-c.changed:
		case <-time.After(100 * time.Millisecond):
		case <-deadline:
			c.mu.Lock()
			logs := strings.Join(c.logs, "\n")
			c.mu.Unlock()
			c.t.Fatalf("%s: timed out waiting for %s; last diagnostics: %+v\nserver log:\n%s", rel, what, p.Diagnostics, logs)
		}
	}
}

func (c *client) codeActions(rel string, rng protocol.Range) []protocol.CodeAction {
	c.t.Helper()
	var out []protocol.CodeAction
	err := c.conn.Call(context.Background(), "textDocument/codeAction", map[string]any{
		"textDocument": map[string]any{"uri": "file://" + c.path(rel)},
		"range":        rng,
		"context":      map[string]any{"diagnostics": []any{}},
	}, &out)
	if err != nil {
		c.t.Fatalf("codeAction: %v", err)
	}
	return out
}

func hasMessage(substr string) func(protocol.PublishDiagnosticsParams) bool {
	return func(p protocol.PublishDiagnosticsParams) bool {
		for _, d := range p.Diagnostics {
			if strings.Contains(d.Message, substr) {
				return true
			}
		}
		return false
	}
}

func not(f func(protocol.PublishDiagnosticsParams) bool) func(protocol.PublishDiagnosticsParams) bool {
	return func(p protocol.PublishDiagnosticsParams) bool { return !f(p) }
}

func find(p protocol.PublishDiagnosticsParams, substr string) protocol.Diagnostic {
	for _, d := range p.Diagnostics {
		if strings.Contains(d.Message, substr) {
			return d
		}
	}
	return protocol.Diagnostic{}
}

// applyEdits applies LSP text edits to text (UTF-16 columns are bytes in
// the ASCII fixtures).
func applyEdits(t *testing.T, text string, edits []protocol.TextEdit) string {
	t.Helper()
	lines := strings.SplitAfter(text, "\n")
	offset := func(p protocol.Position) int {
		off := 0
		for i := 0; i < int(p.Line) && i < len(lines); i++ {
			off += len(lines[i])
		}
		return off + int(p.Character)
	}
	type e struct {
		start, end int
		text       string
	}
	es := make([]e, 0, len(edits))
	for _, ed := range edits {
		es = append(es, e{offset(ed.Range.Start), offset(ed.Range.End), ed.NewText})
	}
	// Apply from the end so offsets stay valid.
	for i := range es {
		for j := i + 1; j < len(es); j++ {
			if es[j].start > es[i].start {
				es[i], es[j] = es[j], es[i]
			}
		}
	}
	for _, ed := range es {
		text = text[:ed.start] + ed.text + text[ed.end:]
	}
	return text
}
