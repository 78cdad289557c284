// Command lsplatency measures how long `perfvet lsp` takes from an edit to
// the diagnostics it publishes for the edited file: it starts the server
// like an editor does (stdio), opens a file, then makes a series of edits,
// one at a time, and times each from its didChange to the
// publishDiagnostics that carries its version. The time includes the
// server's debounce. It also times the whole update, to the end of the
// re-analysis of every workspace package that imports the edited one (the
// server publishes the edited file's diagnostics before that, and says
// when the update ends in a window/logMessage); the next edit waits for it.
//
// Each edit appends (or, on the next edit, removes) a small function at the
// end of the file. By default the function is unexported: the package is
// type-checked and analysed again, but its export data and facts do not
// change, so the server's early cut-off skips every importer (the common
// edit: a function body). With -exported the function is exported: the
// package's API changes, so every workspace package that imports it is
// type-checked and analysed again (the worst case).
//
// Usage:
//
//	go build -o /tmp/perfvet ./cmd/perfvet
//	go run ./bench/lsplatency -perfvet /tmp/perfvet -dir testdata/demo -file internal/api/users.go
//	go run ./bench/lspgen -n 400 -o /tmp/gen400
//	go run ./bench/lsplatency -perfvet /tmp/perfvet -dir /tmp/gen400 -file db/db.go
//	go run ./bench/lsplatency -perfvet /tmp/perfvet -dir /tmp/gen400 -file db/db.go -exported
package main

import (
	"context"
	"encoding/json"
	"errors"
	"flag"
	"fmt"
	"io"
	"log"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"slices"
	"strings"
	"time"

	"github.com/sourcegraph/jsonrpc2"
)

func main() {
	bin := flag.String("perfvet", "perfvet", "the perfvet command")
	dir := flag.String("dir", "", "the module (required)")
	file := flag.String("file", "", "the file to edit, relative to -dir (required)")
	edits := flag.Int("edits", 20, "number of edits")
	debounce := flag.Duration("debounce", 0, "the server's -debounce (0: its default)")
	pause := flag.Duration("pause", 200*time.Millisecond, "pause between an edit's diagnostics and the next edit")
	logFile := flag.String("log", "", "the server's log file (default: a temporary file)")
	exported := flag.Bool("exported", false, "append an exported function: the package's API changes and every importer is analysed again")
	flag.Parse()
	if *dir == "" || *file == "" {
		flag.Usage()
		os.Exit(2)
	}
	absDir, err := filepath.Abs(*dir)
	if err != nil {
		log.Fatal(err)
	}
	path := filepath.Join(absDir, *file)
	text, err := os.ReadFile(path)
	if err != nil {
		log.Fatal(err)
	}
	if *logFile == "" {
		f, err := os.CreateTemp("", "perfvet-lsp-*.log")
		if err != nil {
			log.Fatal(err)
		}
		_ = f.Close()
		*logFile = f.Name()
	}

	args := []string{"lsp", "-logfile", *logFile}
	if *debounce != 0 {
		args = append(args, "-debounce", debounce.String())
	}
	cmd := exec.CommandContext(context.Background(), *bin, args...)
	cmd.Dir = absDir
	cmd.Stderr = os.Stderr
	stdin, err := cmd.StdinPipe()
	if err != nil {
		log.Fatal(err)
	}
	stdout, err := cmd.StdoutPipe()
	if err != nil {
		log.Fatal(err)
	}
	if err := cmd.Start(); err != nil {
		log.Fatal(err)
	}

	c := &client{published: make(chan publication, 100), updates: make(chan struct{}, 100)}
	ctx := context.Background()
	conn := jsonrpc2.NewConn(ctx, jsonrpc2.NewBufferedStream(rwc{stdout, stdin}, jsonrpc2.VSCodeObjectCodec{}), jsonrpc2.HandlerWithError(c.handle),
		jsonrpc2.SetLogger(log.New(io.Discard, "", 0)))
	notify := func(method string, params any) {
		if err := conn.Notify(ctx, method, params); err != nil {
			log.Fatalf("%s: %v", method, err)
		}
	}
	uri := "file://" + path

	start := time.Now()
	var res json.RawMessage
	if err := conn.Call(ctx, "initialize", map[string]any{"processId": os.Getpid(), "rootUri": "file://" + absDir, "capabilities": map[string]any{}}, &res); err != nil {
		log.Fatal(err)
	}
	notify("initialized", map[string]any{})
	notify("textDocument/didOpen", map[string]any{"textDocument": map[string]any{"uri": uri, "languageId": "go", "version": 1, "text": string(text)}})
	first := c.waitVersion(uri, 1, 10*time.Minute)
	fmt.Printf("module %s, file %s\n", absDir, *file)
	fmt.Printf("open (cold: loads and analyses the module and its dependencies): %v, %d diagnostics in the file\n", time.Since(start).Round(time.Millisecond), first.count)

	times := make([]time.Duration, 0, *edits)
	whole := make([]time.Duration, 0, *edits)
	version := 1
	for i := range *edits {
		time.Sleep(*pause)
		version++
		edited := string(text)
		if i%2 == 0 {
			name := "perfvetLatencyEdit"
			if *exported {
				name = "PerfvetLatencyEdit"
			}
			edited += fmt.Sprintf("\nfunc %s%d() int { return %d }\n", name, i, i)
		}
		c.drainUpdates()
		t0 := time.Now()
		notify("textDocument/didChange", map[string]any{
			"textDocument":   map[string]any{"uri": uri, "version": version},
			"contentChanges": []any{map[string]any{"text": edited}},
		})
		c.waitVersion(uri, version, 5*time.Minute)
		times = append(times, time.Since(t0))
		c.waitUpdate(5 * time.Minute)
		whole = append(whole, time.Since(t0))
	}
	if err := conn.Call(ctx, "shutdown", nil, nil); err != nil {
		log.Printf("shutdown: %v", err)
	}
	_ = conn.Notify(ctx, "exit", nil) // the server may close first
	_ = cmd.Wait()

	sorted := slices.Clone(times)
	slices.Sort(sorted)
	all := make([]string, 0, len(times))
	for _, t := range times {
		all = append(all, t.Round(time.Millisecond).String())
	}
	fmt.Printf("%d edits, change to published diagnostics: median %v, worst %v, best %v\n", len(times),
		median(sorted).Round(time.Millisecond), sorted[len(sorted)-1].Round(time.Millisecond), sorted[0].Round(time.Millisecond))
	fmt.Printf("each: %s\n", strings.Join(all, " "))
	slices.Sort(whole)
	fmt.Printf("whole update (importers re-analysed too): median %v, worst %v\n",
		median(whole).Round(time.Millisecond), whole[len(whole)-1].Round(time.Millisecond))
	serverTimes(*logFile, *edits)
}

func median(sorted []time.Duration) time.Duration {
	n := len(sorted)
	if n%2 == 1 {
		return sorted[n/2]
	}
	return (sorted[n/2-1] + sorted[n/2]) / 2
}

// serverTimes prints what the server's log says about its updates.
func serverTimes(logFile string, edits int) {
	data, err := os.ReadFile(logFile)
	if err != nil {
		return
	}
	re := regexp.MustCompile(`type-checked (\d+) and analysed (\d+) of (\d+) packages \((\d+) in the workspace\) in (\S+)`)
	var lines []string
	for _, l := range strings.Split(string(data), "\n") {
		if re.MatchString(l) {
			lines = append(lines, l)
		}
	}
	if len(lines) > edits {
		lines = lines[len(lines)-edits:]
	}
	var ds []time.Duration
	var last []string
	for _, l := range lines {
		m := re.FindStringSubmatch(l)
		d, err := time.ParseDuration(m[5])
		if err == nil {
			ds = append(ds, d)
		}
		last = m
	}
	if len(ds) == 0 {
		return
	}
	slices.Sort(ds)
	fmt.Printf("server side (log %s): each update type-checked and analysed %s of %s packages (%s in the workspace); update time median %v, worst %v\n",
		logFile, last[2], last[3], last[4], median(ds), ds[len(ds)-1])
}

type publication struct {
	uri     string
	version int
	count   int
}

type client struct {
	published chan publication
	updates   chan struct{}
}

// updateDone matches the server's log line at the end of an update.
var updateDone = regexp.MustCompile(`^module .*: (metadata loaded .*; )?type-checked \d+ and analysed`)

func (c *client) handle(ctx context.Context, conn *jsonrpc2.Conn, req *jsonrpc2.Request) (any, error) {
	if req.Method == "window/logMessage" && req.Params != nil {
		var p struct{ Message string }
		if json.Unmarshal(*req.Params, &p) == nil && updateDone.MatchString(p.Message) {
			c.updates <- struct{}{}
		}
		return nil, nil
	}
	if req.Method != "textDocument/publishDiagnostics" || req.Params == nil {
		return nil, nil
	}
	var p struct {
		URI         string            `json:"uri"`
		Version     *int              `json:"version"`
		Diagnostics []json.RawMessage `json:"diagnostics"`
	}
	if err := json.Unmarshal(*req.Params, &p); err != nil {
		return nil, err
	}
	v := -1
	if p.Version != nil {
		v = *p.Version
	}
	c.published <- publication{p.URI, v, len(p.Diagnostics)}
	return nil, nil
}

func (c *client) waitVersion(uri string, version int, timeout time.Duration) publication {
	deadline := time.After(timeout)
	for {
		select {
		case p := <-c.published:
			if p.uri == uri && p.version >= version {
				return p
			}
		case <-deadline:
			log.Fatalf("no diagnostics for version %d of %s within %v", version, uri, timeout)
		}
	}
}

func (c *client) drainUpdates() {
	for {
		select {
		case <-c.updates:
		default:
			return
		}
	}
}

func (c *client) waitUpdate(timeout time.Duration) {
	select {
	case <-c.updates:
	case <-time.After(timeout):
		log.Fatalf("no end of update within %v", timeout)
	}
}

type rwc struct {
	r io.ReadCloser
	w io.WriteCloser
}

func (x rwc) Read(p []byte) (int, error)  { return x.r.Read(p) }
func (x rwc) Write(p []byte) (int, error) { return x.w.Write(p) }
func (x rwc) Close() error {
	return errors.Join(x.w.Close(), x.r.Close())
}
