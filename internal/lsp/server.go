// Package lsp is perfvet's Language Server (`perfvet lsp`): it runs beside
// gopls, which cannot load third-party analyzers, and gives editors
// perfvet's findings while the code is edited, with the analyzer as the
// diagnostic's source, a link to the check's documentation, the related
// places (the query behind an N+1, the loop) and quick fixes from the
// analyzers' suggested fixes.
//
// The protocol types and method dispatch come from github.com/tliron/glsp
// (LSP 3.16) and the JSON-RPC transport from github.com/sourcegraph/jsonrpc2,
// which glsp itself uses.
//
// Each module (the directory of a go.mod) that holds an open file, or is a
// workspace folder, gets a engine.View: its packages, types and facts stay
// in memory, and an edit re-checks only the edited package and the
// workspace packages that import it. Unsaved buffers are analysed as they
// are. Edits are debounced; open and save are analysed at once. The plan
// (perfplan.yaml) is discovered as the command discovers it, reloaded when
// it is saved or changes on disk, and its problems are diagnostics on the
// plan file.
package lsp

import (
	"context"
	"encoding/json"
	"fmt"
	"io"
	"net/url"
	"os"
	"path/filepath"
	"runtime/debug"
	"strings"
	"sync"
	"time"

	"github.com/sourcegraph/jsonrpc2"
	"github.com/tliron/glsp"
	protocol "github.com/tliron/glsp/protocol_3_16"

	"github.com/perfvet/perfvet/analyzers/plan"
	"github.com/perfvet/perfvet/internal/engine"
)

// DefaultDebounce is how long the server waits after the last edit before
// analysing.
const DefaultDebounce = 150 * time.Millisecond

// Options configure the server. Editors can override them with the
// initialize request's initializationOptions (see InitOptions).
type Options struct {
	Plan      string          // plan file for every package ("" = discovered per package)
	Tags      string          // comma-separated build tags
	Tests     bool            // load test files and report findings there
	Debounce  time.Duration   // 0 = DefaultDebounce; negative = none
	Analyzers map[string]bool // analyzers turned on (true) or off (false); unnamed ones stay on unless one is turned on
	Env       []string        // environment of the go command; nil = os.Environ()
	Log       io.Writer       // a log of what the server does; nil = none
}

// InitOptions is the JSON an editor may pass as initializationOptions.
type InitOptions struct {
	Plan      *string         `json:"plan,omitempty"`
	Tags      *string         `json:"tags,omitempty"`
	Tests     *bool           `json:"tests,omitempty"`
	Debounce  json.RawMessage `json:"debounce,omitempty"` // milliseconds, or a duration string ("300ms")
	Analyzers map[string]bool `json:"analyzers,omitempty"`
}

func (o *Options) apply(raw json.RawMessage) error {
	if len(raw) == 0 || string(raw) == "null" {
		return nil
	}
	var io InitOptions
	if err := json.Unmarshal(raw, &io); err != nil {
		return fmt.Errorf("initializationOptions: %w", err)
	}
	if io.Plan != nil {
		o.Plan = *io.Plan
	}
	if io.Tags != nil {
		o.Tags = *io.Tags
	}
	if io.Tests != nil {
		o.Tests = *io.Tests
	}
	if len(io.Debounce) > 0 {
		var ms float64
		var s string
		switch {
		case json.Unmarshal(io.Debounce, &ms) == nil:
			o.Debounce = time.Duration(ms * float64(time.Millisecond))
			if ms == 0 {
				o.Debounce = -1
			}
		case json.Unmarshal(io.Debounce, &s) == nil:
			d, err := time.ParseDuration(s)
			if err != nil {
				return fmt.Errorf("initializationOptions: debounce: %w", err)
			}
			o.Debounce = d
			if d == 0 {
				o.Debounce = -1
			}
		default:
			return fmt.Errorf("initializationOptions: debounce: want milliseconds or a duration")
		}
	}
	for name, on := range io.Analyzers {
		if o.Analyzers == nil {
			o.Analyzers = make(map[string]bool)
		}
		o.Analyzers[name] = on
	}
	return nil
}

// A Server is one editor's connection.
type Server struct {
	opts    Options
	handler protocol.Handler
	ctx     context.Context
	cancel  context.CancelFunc

	connMu sync.Mutex
	conn   *jsonrpc2.Conn
	logMu  sync.Mutex
	planMu sync.Mutex // serializes publishPlans

	mu            sync.Mutex
	folders       []string
	docs          map[string]*document  // open documents, by absolute path
	views         map[string]*viewState // by module root
	fixes         map[string]*fileFixes // code actions of the published diagnostics, by file
	planPublished map[string]string     // plan file -> JSON of the diagnostics last published
	watch         bool                  // the client watches files for us when asked

	envOnce sync.Once
	goDirs  []string // GOROOT and GOMODCACHE: dependencies' files, never analysed as a workspace
}

// A document is an open editor buffer.
type document struct {
	uri     string
	version int32
	text    []byte
}

// Serve runs the server on one stream until the client exits or the
// stream closes.
func Serve(ctx context.Context, stream io.ReadWriteCloser, opts Options) error {
	s := newServer(ctx, opts)
	defer s.cancel()
	q := newQueue(jsonrpc2.HandlerWithError(s.handle))
	defer q.close()
	conn := jsonrpc2.NewConn(s.ctx, newStream(stream), q, jsonrpc2.SetLogger(logAdapter{s}))
	s.connMu.Lock()
	s.conn = conn
	s.connMu.Unlock()
	select {
	case <-conn.DisconnectNotify():
	case <-ctx.Done():
		_ = conn.Close()
	}
	return nil
}

// A queue hands the messages read to one goroutine, in order, so that the
// connection's reader never waits for a handler: a handler that writes
// (a reply, a notification) while the client is itself blocked writing to
// the server would otherwise deadlock both.
type queue struct {
	inner jsonrpc2.Handler

	mu     sync.Mutex
	cond   *sync.Cond
	items  []queued
	closed bool
}

type queued struct {
	ctx  context.Context
	conn *jsonrpc2.Conn
	req  *jsonrpc2.Request
}

func newQueue(inner jsonrpc2.Handler) *queue {
	q := &queue{inner: inner}
	q.cond = sync.NewCond(&q.mu)
	go q.run()
	return q
}

// Handle implements jsonrpc2.Handler.
func (q *queue) Handle(ctx context.Context, conn *jsonrpc2.Conn, req *jsonrpc2.Request) {
	q.mu.Lock()
	q.items = append(q.items, queued{ctx, conn, req})
	q.mu.Unlock()
	q.cond.Signal()
}

func (q *queue) run() {
	for {
		q.mu.Lock()
		for len(q.items) == 0 && !q.closed {
			q.cond.Wait()
		}
		if len(q.items) == 0 {
			q.mu.Unlock()
			return
		}
		it := q.items[0]
		q.items = q.items[1:]
		q.mu.Unlock()
		q.inner.Handle(it.ctx, it.conn, it.req)
	}
}

func (q *queue) close() {
	q.mu.Lock()
	q.closed = true
	q.mu.Unlock()
	q.cond.Broadcast()
}

// RunStdio serves the editor on standard input and output.
func RunStdio(opts Options) error {
	return Serve(context.Background(), stdio{}, opts)
}

type stdio struct{}

func (stdio) Read(p []byte) (int, error)  { return os.Stdin.Read(p) }
func (stdio) Write(p []byte) (int, error) { return os.Stdout.Write(p) }
func (stdio) Close() error                { return os.Stdin.Close() }

// logAdapter is jsonrpc2's logger. It writes to the log only, never to
// the client: jsonrpc2 logs while it holds the connection's send lock
// (a protocol error as it closes), and a window/logMessage sent from
// there would wait for that lock forever.
type logAdapter struct{ s *Server }

func (l logAdapter) Printf(format string, args ...any) {
	l.s.logLocal(strings.TrimSuffix(format, "\n"), args...)
}

func newServer(ctx context.Context, opts Options) *Server {
	s := &Server{
		opts:          opts,
		docs:          make(map[string]*document),
		views:         make(map[string]*viewState),
		fixes:         make(map[string]*fileFixes),
		planPublished: make(map[string]string),
	}
	s.ctx, s.cancel = context.WithCancel(ctx)
	s.handler = protocol.Handler{
		Initialized:                    s.initialized,
		Shutdown:                       func(*glsp.Context) error { return nil },
		Exit:                           func(*glsp.Context) error { return nil },
		SetTrace:                       func(*glsp.Context, *protocol.SetTraceParams) error { return nil },
		CancelRequest:                  func(*glsp.Context, *protocol.CancelParams) error { return nil },
		TextDocumentDidOpen:            s.didOpen,
		TextDocumentDidChange:          s.didChange,
		TextDocumentDidSave:            s.didSave,
		TextDocumentDidClose:           s.didClose,
		TextDocumentCodeAction:         s.codeAction,
		WorkspaceDidChangeWatchedFiles: s.didChangeWatchedFiles,
		WorkspaceDidChangeWorkspaceFolders: func(_ *glsp.Context, p *protocol.DidChangeWorkspaceFoldersParams) error {
			for _, f := range p.Event.Added {
				s.addFolder(uriToPath(f.URI))
			}
			return nil
		},
		WorkspaceDidChangeConfiguration: func(*glsp.Context, *protocol.DidChangeConfigurationParams) error { return nil },
	}
	return s
}

// handle dispatches one message. initialize is decoded here, leniently:
// clients send capabilities of later protocol versions than glsp knows.
func (s *Server) handle(ctx context.Context, conn *jsonrpc2.Conn, req *jsonrpc2.Request) (any, error) {
	var params json.RawMessage
	if req.Params != nil {
		params = *req.Params
	}
	if req.Method == protocol.MethodInitialize {
		return s.initialize(params)
	}
	gctx := &glsp.Context{
		Method: req.Method,
		Params: params,
		Notify: func(method string, params any) { s.notify(method, params) },
		Call: func(method string, params any, result any) {
			if err := conn.Call(ctx, method, params, result); err != nil {
				s.logf("%s: %v", method, err)
			}
		},
	}
	if req.Method == protocol.MethodExit {
		s.cancel()
		return nil, conn.Close()
	}
	r, validMethod, validParams, err := s.handler.Handle(gctx)
	switch {
	case !validMethod:
		return nil, &jsonrpc2.Error{Code: jsonrpc2.CodeMethodNotFound, Message: "method not supported: " + req.Method}
	case !validParams:
		msg := "invalid params"
		if err != nil {
			msg = err.Error()
		}
		return nil, &jsonrpc2.Error{Code: jsonrpc2.CodeInvalidParams, Message: msg}
	case err != nil:
		return nil, &jsonrpc2.Error{Code: jsonrpc2.CodeInvalidRequest, Message: err.Error()}
	}
	return r, nil
}

// initializeParams is the part of InitializeParams the server reads.
type initializeParams struct {
	RootURI               *string                    `json:"rootUri"`
	RootPath              *string                    `json:"rootPath"`
	WorkspaceFolders      []protocol.WorkspaceFolder `json:"workspaceFolders"`
	InitializationOptions json.RawMessage            `json:"initializationOptions"`
	Capabilities          struct {
		Workspace struct {
			DidChangeWatchedFiles struct {
				DynamicRegistration bool `json:"dynamicRegistration"`
			} `json:"didChangeWatchedFiles"`
		} `json:"workspace"`
	} `json:"capabilities"`
}

func (s *Server) initialize(raw json.RawMessage) (any, error) {
	var p initializeParams
	if err := json.Unmarshal(raw, &p); err != nil {
		return nil, &jsonrpc2.Error{Code: jsonrpc2.CodeInvalidParams, Message: err.Error()}
	}
	if err := s.opts.apply(p.InitializationOptions); err != nil {
		return nil, &jsonrpc2.Error{Code: jsonrpc2.CodeInvalidParams, Message: err.Error()}
	}
	s.mu.Lock()
	for _, f := range p.WorkspaceFolders {
		s.folders = append(s.folders, uriToPath(f.URI))
	}
	if len(s.folders) == 0 {
		switch {
		case p.RootURI != nil && *p.RootURI != "":
			s.folders = append(s.folders, uriToPath(*p.RootURI))
		case p.RootPath != nil && *p.RootPath != "":
			s.folders = append(s.folders, *p.RootPath)
		}
	}
	// A relative plan is found by the rule of every host (plan.Resolve):
	// in the workspace folder, the editor's "where it runs", then at the
	// module root.
	if s.opts.Plan != "" && len(s.folders) > 0 {
		if abs, err := plan.Resolve(s.opts.Plan, s.folders[0]); err == nil {
			s.opts.Plan = abs
		}
	}
	s.mu.Unlock()
	if s.opts.Plan != "" {
		if _, err := plan.Load(s.opts.Plan); err != nil {
			s.showMessage(protocol.MessageTypeError, fmt.Sprintf("perfvet: plan %s: %v", s.opts.Plan, err))
		}
	}
	s.mu.Lock()
	s.watch = p.Capabilities.Workspace.DidChangeWatchedFiles.DynamicRegistration
	s.mu.Unlock()
	s.handler.SetInitialized(true)

	full := protocol.TextDocumentSyncKindFull
	yes, no := true, false
	return protocol.InitializeResult{
		Capabilities: protocol.ServerCapabilities{
			TextDocumentSync: protocol.TextDocumentSyncOptions{
				OpenClose: &yes,
				Change:    &full,
				Save:      protocol.SaveOptions{IncludeText: &no},
			},
			CodeActionProvider: protocol.CodeActionOptions{CodeActionKinds: []protocol.CodeActionKind{protocol.CodeActionKindQuickFix}},
			Workspace: &protocol.ServerCapabilitiesWorkspace{
				WorkspaceFolders: &protocol.WorkspaceFoldersServerCapabilities{Supported: &yes, ChangeNotifications: &protocol.BoolOrString{Value: true}},
			},
		},
		ServerInfo: &protocol.InitializeResultServerInfo{Name: "perfvet", Version: version()},
	}, nil
}

func version() *string {
	v := "(devel)"
	if bi, ok := debug.ReadBuildInfo(); ok && bi.Main.Version != "" {
		v = bi.Main.Version
	}
	return &v
}

func (s *Server) initialized(*glsp.Context, *protocol.InitializedParams) error {
	s.mu.Lock()
	folders, watch := append([]string(nil), s.folders...), s.watch
	s.mu.Unlock()
	if watch {
		// Calling the client from a handler would block the connection's
		// reader, which must read the reply: call from a goroutine.
		go s.registerWatchers()
	}
	for _, f := range folders {
		s.addFolder(f)
	}
	return nil
}

// registerWatchers asks the client to tell the server about changes on
// disk to the plan, the module files and Go files.
func (s *Server) registerWatchers() {
	globs := []string{"**/" + plan.FileName, "**/go.mod", "**/go.sum", "**/go.work", "**/*.go"}
	watchers := make([]protocol.FileSystemWatcher, 0, len(globs))
	for _, g := range globs {
		watchers = append(watchers, protocol.FileSystemWatcher{GlobPattern: g})
	}
	params := protocol.RegistrationParams{Registrations: []protocol.Registration{{
		ID:              "perfvet-watch",
		Method:          protocol.MethodWorkspaceDidChangeWatchedFiles,
		RegisterOptions: protocol.DidChangeWatchedFilesRegistrationOptions{Watchers: watchers},
	}}}
	s.connMu.Lock()
	conn := s.conn
	s.connMu.Unlock()
	if conn == nil {
		return
	}
	if err := conn.Call(s.ctx, protocol.ServerClientRegisterCapability, params, nil); err != nil {
		s.logf("registering file watchers: %v", err)
	}
}

// addFolder starts loading a workspace folder that is a module, so that
// the first file opened finds it ready. Other folders (a go.work workspace,
// a directory of modules) get a view per module as files are opened.
func (s *Server) addFolder(dir string) {
	if st, err := os.Stat(filepath.Join(dir, "go.mod")); err == nil && !st.IsDir() {
		s.viewAt(dir).enqueue(func(*changeSet) {}, 0)
	}
}

// --- Text synchronization ---

func (s *Server) didOpen(_ *glsp.Context, p *protocol.DidOpenTextDocumentParams) error {
	path := uriToPath(p.TextDocument.URI)
	s.mu.Lock()
	s.docs[path] = &document{uri: p.TextDocument.URI, version: p.TextDocument.Version, text: []byte(p.TextDocument.Text)}
	s.mu.Unlock()
	s.changed(path, 0, false)
	return nil
}

func (s *Server) didChange(_ *glsp.Context, p *protocol.DidChangeTextDocumentParams) error {
	path := uriToPath(p.TextDocument.URI)
	s.mu.Lock()
	doc := s.docs[path]
	if doc == nil {
		doc = &document{uri: p.TextDocument.URI}
		s.docs[path] = doc
	}
	text := doc.text
	for _, c := range p.ContentChanges {
		switch c := c.(type) {
		case protocol.TextDocumentContentChangeEventWhole:
			text = []byte(c.Text)
		case protocol.TextDocumentContentChangeEvent:
			// The server asks for full content; apply a ranged change
			// anyway, in case a client sends one.
			text = applyChange(text, c)
		}
	}
	// A new document value: snapshots taken earlier keep the old text.
	s.docs[path] = &document{uri: doc.uri, version: p.TextDocument.Version, text: text}
	s.mu.Unlock()
	s.changed(path, s.debounce(), false)
	return nil
}

func (s *Server) didSave(_ *glsp.Context, p *protocol.DidSaveTextDocumentParams) error {
	s.changed(uriToPath(p.TextDocument.URI), 0, true)
	return nil
}

func (s *Server) didClose(_ *glsp.Context, p *protocol.DidCloseTextDocumentParams) error {
	path := uriToPath(p.TextDocument.URI)
	s.mu.Lock()
	delete(s.docs, path)
	s.mu.Unlock()
	// The file on disk applies again.
	s.changed(path, s.debounce(), false)
	return nil
}

func (s *Server) didChangeWatchedFiles(_ *glsp.Context, p *protocol.DidChangeWatchedFilesParams) error {
	for _, c := range p.Changes {
		path := uriToPath(c.URI)
		switch base := filepath.Base(path); {
		case base == plan.FileName:
			s.reloadPlans()
		case base == "go.mod" || base == "go.sum" || base == "go.work":
			s.reloadModules(filepath.Dir(path))
		case strings.HasSuffix(base, ".go"):
			s.mu.Lock()
			_, open := s.docs[path]
			s.mu.Unlock()
			if open && c.Type == protocol.FileChangeTypeChanged {
				continue // the editor's buffer applies, not the disk
			}
			vs := s.viewFor(path)
			if vs == nil {
				continue
			}
			reload := c.Type != protocol.FileChangeTypeChanged
			vs.enqueue(func(ch *changeSet) {
				ch.files[path] = true
				ch.reload = ch.reload || reload
			}, s.debounce())
		}
	}
	return nil
}

// changed reacts to a change of a document's content (open, edit, save,
// close).
func (s *Server) changed(path string, delay time.Duration, saved bool) {
	switch base := filepath.Base(path); {
	case base == plan.FileName:
		if saved {
			s.reloadPlans()
		} else {
			s.publishPlans() // live validation of the unsaved plan
		}
	case saved && (base == "go.mod" || base == "go.sum" || base == "go.work"):
		s.reloadModules(filepath.Dir(path))
	case strings.HasSuffix(base, ".go"):
		if vs := s.viewFor(path); vs != nil {
			vs.enqueue(func(ch *changeSet) { ch.files[path] = true }, delay)
		}
	}
}

func (s *Server) debounce() time.Duration {
	switch d := s.opts.Debounce; {
	case d == 0:
		return DefaultDebounce
	case d < 0:
		return 0
	default:
		return d
	}
}

// reloadPlans forgets every plan read so far and analyses every workspace
// package again.
func (s *Server) reloadPlans() {
	for _, vs := range s.allViews() {
		vs.plans.reset()
		vs.enqueue(func(ch *changeSet) { ch.reanalyze = true }, 0)
	}
	s.publishPlans()
}

// reloadModules reloads the metadata of the views in or under dir.
func (s *Server) reloadModules(dir string) {
	for _, vs := range s.allViews() {
		if engine.Within(vs.root, dir) || engine.Within(dir, vs.root) {
			vs.enqueue(func(ch *changeSet) { ch.reload = true }, 0)
		}
	}
}

func (s *Server) allViews() []*viewState {
	s.mu.Lock()
	defer s.mu.Unlock()
	out := make([]*viewState, 0, len(s.views))
	for _, vs := range s.views {
		out = append(out, vs)
	}
	return out
}

// snapshot returns the content and version of every open Go document.
func (s *Server) snapshot() (map[string][]byte, map[string]int32) {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.snapshotLocked()
}

func (s *Server) snapshotLocked() (map[string][]byte, map[string]int32) {
	overlay := make(map[string][]byte)
	versions := make(map[string]int32)
	for path, d := range s.docs {
		versions[path] = d.version
		if strings.HasSuffix(path, ".go") {
			overlay[path] = d.text
		}
	}
	return overlay, versions
}

// content returns a file's current content: the open buffer, or the file.
func (s *Server) content(path string) ([]byte, error) {
	s.mu.Lock()
	d := s.docs[path]
	s.mu.Unlock()
	if d != nil {
		return d.text, nil
	}
	return os.ReadFile(path)
}

// --- Messages to the client ---

func (s *Server) notify(method string, params any) {
	s.connMu.Lock()
	conn := s.conn
	s.connMu.Unlock()
	if conn == nil {
		return
	}
	if err := conn.Notify(s.ctx, method, params); err != nil && s.ctx.Err() == nil {
		s.logf("%s: %v", method, err)
	}
}

// logf writes to the log and, as window/logMessage, to the client.
func (s *Server) logf(format string, args ...any) {
	msg := s.logLocal(format, args...)
	s.notify(protocol.ServerWindowLogMessage, protocol.LogMessageParams{Type: protocol.MessageTypeLog, Message: msg})
}

// logLocal writes to the server's own log (Options.Log), not the client's.
func (s *Server) logLocal(format string, args ...any) string {
	msg := fmt.Sprintf(format, args...)
	if s.opts.Log != nil {
		s.logMu.Lock()
		fmt.Fprintf(s.opts.Log, "%s perfvet lsp: %s\n", time.Now().Format("15:04:05.000"), msg)
		s.logMu.Unlock()
	}
	return msg
}

func (s *Server) showMessage(typ protocol.MessageType, msg string) {
	s.logf("%s", msg)
	s.notify(protocol.ServerWindowShowMessage, protocol.ShowMessageParams{Type: typ, Message: msg})
}

// --- URIs ---

func uriToPath(uri string) string {
	u, err := url.Parse(uri)
	if err != nil || u.Scheme != "file" {
		return uri
	}
	return filepath.Clean(filepath.FromSlash(u.Path))
}

func pathToURI(path string) string {
	return (&url.URL{Scheme: "file", Path: filepath.ToSlash(path)}).String()
}
