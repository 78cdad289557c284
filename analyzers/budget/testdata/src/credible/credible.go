package credible // want package:`impls\(Cascade Cheap Middle Tokens\)`

// The package holds the cases that once made estimates incredible, each
// with its twin: loops over collections no query read, interface calls
// with many implementations, a credential refreshed on expiry, estimates
// beyond ten times the objective, a catch-all route.

import (
	"context"
	"database/sql"
	"encoding/json"
	"net/http"
	"time"

	"github.com/stretchr/testify/mock"
	"go.uber.org/mock/gomock"
)

var db *sql.DB

func Routes() *http.ServeMux {
	mux := http.NewServeMux()
	// A loop over the request's list: the fan-out (10), not a page.
	mux.HandleFunc("POST /test-send", perRecipient) // 10 × 10ms + 10ms: ~110ms
	// A loop over what a helper read from storage: a page (100).
	mux.HandleFunc("GET /entries", perStoredEntry) // want `route "GET /entries" is estimated at ~1.01s from its code, above its p95 objective`

	// An interface with three implementations: the median one counts.
	mux.HandleFunc("GET /store", ViaInterface) // 2 queries: ~20ms

	// A credential renewed when it expires is fetched once per request at
	// most, on the miss rate's share.
	mux.HandleFunc("GET /upload", uploadThree)         // want `route "GET /upload" spends an estimated ~310ms in outbound calls`
	mux.HandleFunc("GET /upload/unguarded", uploadRaw) // want `route "GET /upload/unguarded" is estimated at ~600ms from its code`

	// Beyond ten times the objective: unbounded, not a figure.
	mux.HandleFunc("GET /mirror", mirrorAll)      // want `route "GET /mirror" has no credible latency estimate: its loops multiply its operations to more than 10× its p95 objective of 500ms`
	mux.HandleFunc("GET /mirror/page", mirrorTen) // want `route "GET /mirror/page" is estimated at ~1.01s from its code`

	// A goroutine nothing waits for runs after the response.
	mux.HandleFunc("POST /import", importAsync)       // nothing on the request path
	mux.HandleFunc("POST /import/wait", importWaited) // want `route "POST /import/wait" is estimated at ~1.01s`

	// An if whose body returns is one branch, the statements after it
	// the other: the costlier counts, not both.
	mux.HandleFunc("GET /pipeline", latestOrOne)       // 5 queries: ~50ms
	mux.HandleFunc("GET /pipeline/both", latestAndOne) // 3 + 5 queries: ~80ms
	mux.HandleFunc("GET /pipeline/steps", stepsOrSkip) // 3 × 2 queries: ~60ms

	// A catch-all route dispatches every request: no finding.
	mux.HandleFunc("/", dispatch)
	mux.HandleFunc("GET /{$}", dispatch) // want `route "GET /{\$}" is estimated at ~1.01s`
	return mux
}

func perRecipient(w http.ResponseWriter, r *http.Request) {
	var req struct{ Emails []string }
	_ = json.NewDecoder(r.Body).Decode(&req)
	_ = db.QueryRowContext(r.Context(), "SELECT body FROM campaigns WHERE id = $1", 1).Scan(new(string))
	for _, e := range req.Emails {
		_ = db.QueryRowContext(r.Context(), "SELECT id FROM subscribers WHERE email = $1", e).Scan(new(int))
	}
}

// storedEntries reads the entries: a slice the caller cannot bound.
func storedEntries(ctx context.Context) []int {
	var ids []int
	rows, _ := db.QueryContext(ctx, "SELECT id FROM entries")
	for rows.Next() {
		var id int
		_ = rows.Scan(&id)
		ids = append(ids, id)
	}
	return ids
}

func perStoredEntry(w http.ResponseWriter, r *http.Request) {
	ids := storedEntries(r.Context())
	for _, id := range ids {
		_ = db.QueryRowContext(r.Context(), "SELECT title FROM feeds WHERE entry_id = $1", id).Scan(new(string))
	}
}

type Store interface {
	Save(ctx context.Context) error
}

// Cheap, Middle and Cascade implement Store: one query, two, a page.
type Cheap struct{}

func (Cheap) Save(ctx context.Context) error { // want Save:`cost\(a update=10ms\)`
	_, err := db.ExecContext(ctx, "UPDATE a SET x = 1")
	return err
}

type Middle struct{}

func (Middle) Save(ctx context.Context) error { // want Save:`cost\(a update=10ms, b update=10ms\)`
	_, _ = db.ExecContext(ctx, "UPDATE a SET x = 1")
	_, err := db.ExecContext(ctx, "UPDATE b SET x = 1")
	return err
}

type Cascade struct{}

func (Cascade) Save(ctx context.Context) error { // want Save:`cost\(grandchildren delete × 100 \(max_page_size\)=1s, children select=10ms\)`
	rows, _ := db.QueryContext(ctx, "SELECT id FROM children")
	for rows.Next() {
		_, _ = db.ExecContext(ctx, "DELETE FROM grandchildren WHERE child_id = $1", 1)
	}
	return nil
}

// MockStore and GoMockStore are generated test doubles of Store (mockery,
// mockgen): they cost nothing, and counting them would move the median to
// Cheap.
type MockStore struct {
	mock.Mock
}

func (m *MockStore) Save(ctx context.Context) error {
	return m.Called(ctx).Error(0)
}

type GoMockStore struct {
	ctrl *gomock.Controller
}

func (m *GoMockStore) Save(ctx context.Context) error { return nil }

var store Store = Middle{}

func ViaInterface(w http.ResponseWriter, r *http.Request) { // want ViaInterface:`cost\(a update=10ms, b update=10ms\)`
	_ = store.Save(r.Context())
}

// Tokens holds a credential that expires, as S3 clients' IAM credentials.
type Tokens struct {
	expiry time.Time
}

func (t *Tokens) renew() {
	if time.Now().Before(t.expiry) {
		return
	}
	resp, err := http.Get("http://169.254.169.254/latest/meta-data/iam")
	if err == nil {
		resp.Body.Close()
	}
	t.expiry = time.Now().Add(time.Hour)
}

// renewAlways fetches the credential on every call: the unguarded twin.
func (t *Tokens) renewAlways() {
	resp, err := http.Get("http://169.254.169.254/latest/meta-data/iam")
	if err == nil {
		resp.Body.Close()
	}
}

func (t *Tokens) Put(ctx context.Context) { // want Put:`cost\(\(\*http.Client\).Do=100ms, http.Get \(refresh on expiry, miss rate\)=10ms\)`
	t.renew()
	req, _ := http.NewRequestWithContext(ctx, "PUT", "https://s3.example.com/bucket/key", nil)
	resp, err := http.DefaultClient.Do(req)
	if err == nil {
		resp.Body.Close()
	}
}

func (t *Tokens) PutRaw(ctx context.Context) { // want PutRaw:`cost\(http.Get=100ms, \(\*http.Client\).Do=100ms\)`
	t.renewAlways()
	req, _ := http.NewRequestWithContext(ctx, "PUT", "https://s3.example.com/bucket/key", nil)
	resp, err := http.DefaultClient.Do(req)
	if err == nil {
		resp.Body.Close()
	}
}

var tokens = &Tokens{}

func uploadThree(w http.ResponseWriter, r *http.Request) {
	for range 3 {
		tokens.Put(r.Context())
	}
}

func uploadRaw(w http.ResponseWriter, r *http.Request) {
	for range 3 {
		tokens.PutRaw(r.Context())
	}
}

func mirrorAll(w http.ResponseWriter, r *http.Request) {
	rows, _ := db.QueryContext(r.Context(), "SELECT url FROM mirrors")
	for rows.Next() {
		resp, err := http.Get("https://mirror.example.com/")
		if err == nil {
			resp.Body.Close()
		}
	}
}

func mirrorTen(w http.ResponseWriter, r *http.Request) {
	rows, _ := db.QueryContext(r.Context(), "SELECT url FROM mirrors LIMIT 10")
	for rows.Next() {
		resp, err := http.Get("https://mirror.example.com/")
		if err == nil {
			resp.Body.Close()
		}
	}
}

func dispatch(w http.ResponseWriter, r *http.Request) {
	switch r.URL.Path {
	case "/entries":
		perStoredEntry(w, r)
	default:
		perRecipient(w, r)
	}
}

// importAsync starts the import and answers: nothing waits for the
// goroutine, so its work is off the request path.
func importAsync(w http.ResponseWriter, r *http.Request) {
	go importAll(context.Background())
	w.WriteHeader(http.StatusAccepted)
}

// importWaited is the twin that waits for the same work.
func importWaited(w http.ResponseWriter, r *http.Request) {
	done := make(chan struct{})
	go func() {
		importAll(r.Context())
		close(done)
	}()
	<-done
}

func importAll(ctx context.Context) {
	rows, _ := db.QueryContext(ctx, "SELECT id FROM uploads")
	for rows.Next() {
		_, _ = db.ExecContext(ctx, "INSERT INTO subscribers (email) VALUES ($1)", "a@example.com")
	}
}

func queryOne(r *http.Request) {
	_ = db.QueryRowContext(r.Context(), "SELECT id FROM pipelines WHERE repo_id = $1", 1).Scan(new(int))
}

func latestOrOne(w http.ResponseWriter, r *http.Request) {
	if r.URL.Query().Get("latest") != "" {
		for range 3 {
			queryOne(r)
		}
		return
	}
	for range 5 {
		queryOne(r)
	}
}

// latestAndOne runs both: the twin without the return.
func latestAndOne(w http.ResponseWriter, r *http.Request) {
	if r.URL.Query().Get("latest") != "" {
		for range 3 {
			queryOne(r)
		}
	}
	for range 5 {
		queryOne(r)
	}
}

// stepsOrSkip: a continue ends the iteration, so each runs one branch.
func stepsOrSkip(w http.ResponseWriter, r *http.Request) {
	for i := range 3 {
		if i%2 == 0 {
			queryOne(r)
			continue
		}
		queryOne(r)
		queryOne(r)
	}
}
