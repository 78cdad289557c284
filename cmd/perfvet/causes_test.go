package main_test

import (
	"strings"
	"testing"

	"github.com/perfvet/perfvet/internal/clitest"
)

// One cause, one finding, under the command: testdata/e2e-causes has a
// storage package whose methods drop the context and three handler
// packages over it (ui, api, and admin, which imports ui). Each cause is
// one finding at the storage method, with the handlers' calls as related
// positions, merged across ui and api.
func TestCausesCommand(t *testing.T) {
	t.Parallel()
	dir := testdata("e2e-causes")
	r := perfvet(t, dir, "./...")
	if r.Code != 1 {
		t.Fatalf("exit code %d, want 1; stderr:\n%s", r.Code, r.Stderr)
	}
	want := `storage/storage.go:16:19: (*storage.Storage).Entries runs a database query with no context ((*sql.DB).QueryRow at storage.go:18); 3 request paths reach it, and there the database query keeps running after the client has gone: give it a ctx parameter and pass the request's context down to it (timeouts)
	api/api.go:15:10: request path: (*api.API).entries calls (*storage.Storage).Entries
	ui/ui.go:15:10: request path: (*ui.UI).entries calls (*storage.Storage).Entries
	ui/ui.go:21:10: request path: (*ui.UI).Unread calls (*storage.Storage).Entries
storage/storage.go:30:19: (*storage.Storage).Feeds runs a database query with context.Background() ((*sql.DB).QueryRowContext at storage.go:32); 1 request path reaches it, and there the database query keeps running after the client has gone: give it a ctx parameter and pass the request's context down to it (timeouts)
	ui/ui.go:27:10: request path: (*ui.UI).feeds calls (*storage.Storage).Feeds
storage/storage.go:46:19: (*storage.Storage).fetchUser runs a database query with no context ((*sql.DB).QueryRow at storage.go:48); 2 request paths reach it, and there the database query keeps running after the client has gone: give it a ctx parameter and pass the request's context down to it (timeouts)
	api/api.go:16:13: request path: (*api.API).entries calls (*storage.Storage).UserByName
	ui/ui.go:22:13: request path: (*ui.UI).Unread calls (*storage.Storage).UserByID
`
	if got := strings.ReplaceAll(r.Stdout, "./", ""); got != want {
		t.Errorf("perfvet ./... printed:\n%s\nwant:\n%s", got, want)
	}
}

// Under go vet each package is analysed in a process of its own and
// nothing merges findings: a cause is printed once by each handler package
// that reaches it and does not import another package that reported it.
// admin imports ui and prints nothing; ui and api, siblings, each print
// Entries (the documented limit), and the positions are the command's.
func TestCausesGoVet(t *testing.T) {
	t.Parallel()
	dir := testdata("e2e-causes")
	r := runIn(t, dir, "go", "vet", "-vettool="+perfvetBin, "./...")
	counts := make(map[string]int)
	for _, line := range strings.Split(r.Stderr, "\n") {
		m := clitest.FindingLine.FindStringSubmatch(strings.TrimPrefix(line, "./"))
		if m == nil || strings.HasPrefix(m[2], "\t") {
			continue
		}
		counts[m[1]]++
		if strings.HasPrefix(m[1], "admin/") {
			t.Errorf("go vet reported in admin, which imports ui: %s", line)
		}
	}
	want := map[string]int{
		"storage/storage.go:16:1": 2, // Entries: by ui and by api
		"storage/storage.go:30:1": 1, // Feeds: by ui
		"storage/storage.go:46:1": 2, // fetchUser: by ui and by api
	}
	for posn, n := range want {
		if counts[posn] != n {
			t.Errorf("go vet printed %d findings at %s, want %d\n%s", counts[posn], posn, n, r.Stderr)
		}
	}
	if len(counts) != len(want) {
		t.Errorf("go vet printed findings at %d positions, want %d:\n%s", len(counts), len(want), r.Stderr)
	}
}
