package fixturemod

import (
	"archive/zip"
	"bytes"
	"context"
	"net"
	"net/http"
	"net/http/httptest"
	"os"
	"os/exec"
	"path/filepath"
	"slices"
	"strings"
	"testing"
)

// module writes a module requiring example.com/dep v1.0.0 (unless
// noRequire) into a temporary directory.
func module(t *testing.T, noRequire bool) string {
	t.Helper()
	dir := t.TempDir()
	mod := "module example.com/main\n\ngo 1.22\n"
	src := "package main\n\nfunc main() {}\n"
	if !noRequire {
		mod += "\nrequire example.com/dep v1.0.0\n"
		src = "package main\n\nimport \"example.com/dep\"\n\nfunc main() { dep.F() }\n"
	}
	write(t, filepath.Join(dir, "go.mod"), mod)
	write(t, filepath.Join(dir, "main.go"), src)
	return dir
}

func write(t *testing.T, path, data string) {
	t.Helper()
	if err := os.WriteFile(path, []byte(data), 0o644); err != nil {
		t.Fatal(err)
	}
}

// env is the environment of a go command with its own empty module cache
// and the proxy given.
func env(t *testing.T, proxy string) []string {
	t.Helper()
	return append(os.Environ(),
		"GOMODCACHE="+t.TempDir(),
		"GOFLAGS=-modcacherw", // so that t.TempDir can remove the cache
		"GOPROXY="+proxy,
		"GOSUMDB=off",
		"GONOSUMDB=",
		"GOPRIVATE=",
		"GOTOOLCHAIN=local",
	)
}

// proxy serves example.com/dep v1.0.0 as a module proxy; with missing,
// it answers 404 to everything, as the proxy does for a module that does
// not exist.
func proxy(t *testing.T, missing bool) string {
	t.Helper()
	var zipData bytes.Buffer
	zw := zip.NewWriter(&zipData)
	for name, data := range map[string]string{
		"go.mod": "module example.com/dep\n",
		"dep.go": "package dep\n\nfunc F() {}\n",
	} {
		w, err := zw.Create("example.com/dep@v1.0.0/" + name)
		if err != nil {
			t.Fatal(err)
		}
		w.Write([]byte(data))
	}
	if err := zw.Close(); err != nil {
		t.Fatal(err)
	}
	files := map[string][]byte{
		"/example.com/dep/@v/list":        []byte("v1.0.0\n"),
		"/example.com/dep/@v/v1.0.0.info": []byte(`{"Version":"v1.0.0","Time":"2024-01-01T00:00:00Z"}`),
		"/example.com/dep/@v/v1.0.0.mod":  []byte("module example.com/dep\n"),
		"/example.com/dep/@v/v1.0.0.zip":  zipData.Bytes(),
	}
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		data, ok := files[r.URL.Path]
		if missing || !ok {
			http.NotFound(w, r)
			return
		}
		w.Write(data)
	}))
	t.Cleanup(srv.Close)
	return srv.URL
}

// refused returns the address of a port nothing listens on.
func refused(t *testing.T) string {
	t.Helper()
	l, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	addr := l.Addr().String()
	l.Close()
	return "http://" + addr
}

func TestDownloadsThenLoadsOffline(t *testing.T) {
	dir := module(t, false)
	e := env(t, proxy(t, false))
	skip, err := run(context.Background(), dir, e)
	if skip != "" || err != nil {
		t.Fatalf("run: skip %q, error %v", skip, err)
	}
	// What the tests then do: load the module with GOPROXY=off.
	list := exec.Command("go", "list", "-deps", "-test", "./...")
	list.Dir = dir
	list.Env = slices.Concat(e, []string{"GOPROXY=off", "GOFLAGS=-mod=mod -modcacherw"})
	if out, err := list.CombinedOutput(); err != nil || !strings.Contains(string(out), "example.com/dep") {
		t.Errorf("go list with GOPROXY=off after the download: %v\n%s", err, out)
	}
}

func TestSkipsWhenProxyUnreachable(t *testing.T) {
	for name, p := range map[string]string{"refused": refused(t), "off": "off"} {
		t.Run(name, func(t *testing.T) {
			skip, err := run(context.Background(), module(t, false), env(t, p))
			t.Log(skip)
			if err != nil || !strings.Contains(skip, "cannot be reached") {
				t.Errorf("run with GOPROXY=%s: skip %q, error %v; want a skip", p, skip, err)
			}
		})
	}
}

func TestFailsOnOtherErrors(t *testing.T) {
	notFound := module(t, false)
	badMod := module(t, true)
	write(t, filepath.Join(badMod, "go.mod"), "module example.com/main\n\nrequire (\n")
	noMod := t.TempDir()
	p := proxy(t, true)
	for name, dir := range map[string]string{"module not found": notFound, "bad go.mod": badMod, "no go.mod": noMod} {
		t.Run(name, func(t *testing.T) {
			skip, err := run(context.Background(), dir, env(t, p))
			if err == nil || skip != "" {
				t.Errorf("run: skip %q, error %v; want an error", skip, err)
			}
		})
	}
}

func TestEnsureOncePerModule(t *testing.T) {
	dir := module(t, true) // nothing to download: no network needed
	before := runs.Load()
	for range 3 {
		Ensure(t, dir)
		Ensure(t, filepath.Join(dir, ".")) // the same module
	}
	if n := runs.Load() - before; n != 1 {
		t.Errorf("go mod download ran %d times for one module, want 1", n)
	}
}

func TestUnreachable(t *testing.T) {
	for _, tt := range []struct {
		out  string
		want bool
	}{
		{"go: rsc.io/quote@v1.5.2: module lookup disabled by GOPROXY=off", true},
		{`go: rsc.io/quote@v1.5.2: Get "https://proxy.golang.org/rsc.io/quote/@v/v1.5.2.info": dial tcp: lookup proxy.golang.org on 10.0.0.1:53: no such host`, true},
		{`go: x@v1: Get "http://127.0.0.1:9/x/@v/v1.info": dial tcp 127.0.0.1:9: connect: connection refused`, true},
		{"fatal: unable to access 'https://github.com/a/b/': Could not resolve host: github.com", true},
		{"go: rsc.io/quote@v1.5.99: reading https://proxy.golang.org/rsc.io/quote/@v/v1.5.99.info: 404 Not Found", false},
		{"go: go.mod:3: unexpected newline", false},
		{"verifying rsc.io/quote@v1.5.2: checksum mismatch", false},
	} {
		if _, got := unreachable([]byte("go: downloading x\n" + tt.out + "\n")); got != tt.want {
			t.Errorf("unreachable(%q) = %v, want %v", tt.out, got, tt.want)
		}
	}
}
