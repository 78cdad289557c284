// Package sources checks the default: a loop is an N+1 when it walks a
// list (the rows of a multi-row read, a list handed to an exported
// function, request input), not the few children of one entity, a
// registry or configuration, or a list built in memory.
package sources

import (
	"context"
	"database/sql"
	"encoding/json"
	"net/http"

	"google.golang.org/protobuf/reflect/protoreflect"
)

var db *sql.DB

type User struct {
	ID     int64
	TeamID int64
	Tags   []string
}

// listUsers runs a multi-row read and returns its rows.
func listUsers(ctx context.Context) ([]User, error) {
	rows, err := db.QueryContext(ctx, "SELECT id, team_id FROM users")
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var out []User
	for rows.Next() {
		var u User
		if err := rows.Scan(&u.ID, &u.TeamID); err != nil {
			return nil, err
		}
		out = append(out, u)
	}
	return out, rows.Err()
}

// getUser reads one user.
func getUser(ctx context.Context, id int64) (User, error) {
	var u User
	err := db.QueryRowContext(ctx, "SELECT id, team_id FROM users WHERE id = $1", id).Scan(&u.ID, &u.TeamID)
	return u, err
}

func teamName(ctx context.Context, id int64) string {
	var name string
	_ = db.QueryRowContext(ctx, "SELECT name FROM teams WHERE id = $1", id).Scan(&name)
	return name
}

// ---- the rows of a multi-row read ----

func teamsOfUsers(ctx context.Context) {
	users, _ := listUsers(ctx)
	for _, u := range users {
		_ = teamName(ctx, u.TeamID) // want `once per element of users;`
	}
}

// The twin: the few tags of one user are its children, not a list.
func tagsOfOneUser(ctx context.Context, id int64) {
	u, _ := getUser(ctx, id)
	for _, tag := range u.Tags {
		_, _ = db.ExecContext(ctx, "INSERT INTO tags (name) VALUES ($1) ON CONFLICT DO NOTHING", tag)
	}
}

// A list derived from the rows (ids collected in a loop over them) is
// still the rows.
func teamsOfIDs(ctx context.Context) {
	users, _ := listUsers(ctx)
	ids := make([]int64, 0, len(users))
	for _, u := range users {
		ids = append(ids, u.TeamID)
	}
	for _, id := range ids {
		_ = teamName(ctx, id) // want `once per element of ids;`
	}
}

// The twin: ids written in the code, a list built in memory.
func teamsOfFixedIDs(ctx context.Context) {
	ids := []int64{}
	ids = append(ids, 1, 2)
	for _, id := range ids {
		_ = teamName(ctx, id)
	}
}

// The children of each element of a list: the N+1 is over the list,
// reported once, at the outer loop.
func tagsOfUsers(ctx context.Context) {
	users, _ := listUsers(ctx)
	for _, u := range users {
		for _, tag := range u.Tags {
			_, _ = db.ExecContext(ctx, "INSERT INTO user_tags (user_id, tag) VALUES ($1, $2)", u.ID, tag) // want `once per element of users;`
		}
	}
}

// The twin: the children of one entity.
func tagsOfUser(ctx context.Context, u User) {
	for _, tag := range u.Tags {
		_, _ = db.ExecContext(ctx, "INSERT INTO user_tags (user_id, tag) VALUES ($1, $2)", u.ID, tag)
	}
}

// ---- a list handed to an exported function ----

// DeleteUsers is handed a list by callers this package cannot see.
func DeleteUsers(ctx context.Context, ids []int64) { // want DeleteUsers:`roundtrips\(write: \(\*sql.DB\).ExecContext\)`
	for _, id := range ids {
		_, _ = db.ExecContext(ctx, "DELETE FROM users WHERE id = $1", id) // want `once per element of ids;`
	}
}

// deleteTags is unexported: its only caller hands it one user's tags.
func deleteTags(ctx context.Context, tags []string) {
	for _, t := range tags {
		_, _ = db.ExecContext(ctx, "DELETE FROM tags WHERE name = $1", t)
	}
}

// RemoveUser is the caller: the tags of one user.
func RemoveUser(ctx context.Context, id int64) { // want RemoveUser:`roundtrips\(read: sources.getUser`
	u, _ := getUser(ctx, id)
	deleteTags(ctx, u.Tags)
}

// saveTeams is unexported and called with the rows of a read.
func saveTeams(ctx context.Context, users []User) {
	for _, u := range users {
		_, _ = db.ExecContext(ctx, "UPDATE teams SET seen = now() WHERE id = $1", u.TeamID) // want `once per element of users;`
	}
}

func touchTeams(ctx context.Context) {
	users, _ := listUsers(ctx)
	saveTeams(ctx, users)
}

// ---- configuration and registries ----

var regions = loadRegions()

func loadRegions() []string { return nil }

// A package variable is a registry or configuration: as long as its
// author made it.
func warmRegions(ctx context.Context) {
	for _, r := range regions {
		_, _ = db.ExecContext(ctx, "INSERT INTO regions (name) VALUES ($1) ON CONFLICT DO NOTHING", r)
	}
}

// ---- request input ----

// A list a request carries is bounded by what a client sends (the few
// ids it selects): not reported by default (-anycollection reports it;
// see package anycoll). The twin, a list of rows, is reported
// (postAuthors, listedTopics).

// The ids of a query string are the request's.
func namesHandler(w http.ResponseWriter, r *http.Request) {
	for _, id := range r.URL.Query()["id"] {
		_ = teamName(r.Context(), int64(len(id)))
	}
}

type bulkRequest struct {
	IDs []int64 `json:"ids"`
}

// ids parses a query string's ids.
func ids(vals []string) []int64 { return make([]int64, len(vals)) }

// Through a method of the request and a parser of the program.
func idsHandler(w http.ResponseWriter, r *http.Request) {
	for _, id := range ids(r.WithContext(r.Context()).URL.Query()["id"]) {
		_ = teamName(r.Context(), id)
	}
}

// A list decoded from the request body.
func bulkHandler(w http.ResponseWriter, r *http.Request) {
	var req bulkRequest
	if err := json.NewDecoder(r.Body).Decode(&req); err != nil {
		return
	}
	for _, id := range req.IDs {
		_ = teamName(r.Context(), id)
	}
}

// The twin: a list decoded from a column, not from the request.
func storedHandler(w http.ResponseWriter, r *http.Request) {
	var raw []byte
	_ = db.QueryRowContext(r.Context(), "SELECT ids FROM saved WHERE id = 1").Scan(&raw)
	var req bulkRequest
	_ = json.Unmarshal(raw, &req)
	for _, id := range req.IDs {
		_ = teamName(r.Context(), id)
	}
}

// The twin: a list the handler builds itself.
func defaultsHandler(w http.ResponseWriter, r *http.Request) {
	var req bulkRequest
	req.IDs = append(req.IDs, 1)
	for _, id := range req.IDs {
		_ = teamName(r.Context(), id)
	}
}

// GetTeamsRequest stands for a generated protobuf message.
type GetTeamsRequest struct {
	Ids []int64
}

func (*GetTeamsRequest) ProtoReflect() protoreflect.Message { return nil }

type server struct{}

// A gRPC method: the request message's list is request input.
func (server) getTeams(ctx context.Context, req *GetTeamsRequest) []string {
	var out []string
	for _, id := range req.Ids {
		out = append(out, teamName(ctx, id))
	}
	return out
}

// ---- a map preloaded before the loop ----

// usersByID reads the users of ids, by id.
func usersByID(ctx context.Context, ids []int64) map[int64]User {
	out := make(map[int64]User)
	rows, err := db.QueryContext(ctx, "SELECT id, team_id FROM users WHERE id = ANY($1)", ids)
	if err != nil {
		return out
	}
	defer rows.Close()
	for rows.Next() {
		var u User
		_ = rows.Scan(&u.ID, &u.TeamID)
		out[u.ID] = u
	}
	return out
}

// userOf looks the user up in the preloaded map, and reads it only when
// it is missing.
func userOf(ctx context.Context, id int64, known map[int64]User) User {
	if u, ok := known[id]; ok {
		return u
	}
	u, _ := getUser(ctx, id)
	return u
}

type Post struct {
	AuthorID int64
}

func listPosts(ctx context.Context) []Post {
	var out []Post
	rows, _ := db.QueryContext(ctx, "SELECT author_id FROM posts LIMIT 50")
	for rows.Next() {
		var p Post
		_ = rows.Scan(&p.AuthorID)
		out = append(out, p)
	}
	return out
}

// The authors are preloaded: userOf queries only for a missing one.
func postAuthorsPreloaded(ctx context.Context) {
	posts := listPosts(ctx)
	ids := make([]int64, 0, len(posts))
	for _, p := range posts {
		ids = append(ids, p.AuthorID)
	}
	authors := usersByID(ctx, ids)
	for _, p := range posts {
		_ = userOf(ctx, p.AuthorID, authors)
	}
}

// convertPost looks the author up in the preloaded map, and reads the
// site's setting on every call: the map spares only the authors.
func convertPost(ctx context.Context, p Post, known map[int64]User) User {
	var format string
	_ = db.QueryRowContext(ctx, "SELECT value FROM settings WHERE name = 'format'").Scan(&format)
	return userOf(ctx, p.AuthorID, known)
}

func postsConverted(ctx context.Context) {
	posts := listPosts(ctx)
	ids := make([]int64, 0, len(posts))
	for _, p := range posts {
		ids = append(ids, p.AuthorID)
	}
	authors := usersByID(ctx, ids)
	for _, p := range posts {
		_ = convertPost(ctx, p, authors) // want `once per element of posts;`
	}
}

// The songs among ids are read in one query; only the other ids are
// probed, in the branch where the preloaded map misses.
func expandIDs(ctx context.Context, ids []int64) []User {
	known := usersByID(ctx, ids)
	var out []User
	for _, id := range ids {
		if u, ok := known[id]; ok {
			out = append(out, u)
		} else if u, err := getUser(ctx, id); err == nil {
			out = append(out, u)
		}
	}
	for _, id := range ids {
		if _, ok := known[id]; ok {
			continue
		}
		u, _ := getUser(ctx, id)
		out = append(out, u)
	}
	return out
}

// The twin: the map holds the users notified before, read from another
// list: a filter, and each new id still runs its query.
func notifyNew(ctx context.Context, ids, before []int64) {
	notified := usersByID(ctx, before)
	for _, id := range ids {
		if _, ok := notified[id]; ok {
			continue
		}
		_, _ = getUser(ctx, id) // want `once per element of ids;`
	}
}

// The twin: the map is checked after the query, which runs for every id.
func expandIDsUnguarded(ctx context.Context, ids []int64) []User {
	known := usersByID(ctx, ids)
	var out []User
	for _, id := range ids {
		u, err := getUser(ctx, id) // want `once per element of ids;`
		if _, ok := known[id]; ok && err == nil {
			out = append(out, u)
		}
	}
	return out
}

// The twin: nothing preloaded, one query per post.
func postAuthors(ctx context.Context) {
	posts := listPosts(ctx)
	for _, p := range posts {
		_, _ = getUser(ctx, p.AuthorID) // want `once per element of posts;`
	}
}

// ---- what a call derives from one value ----

type Path struct{ raw string }

func (p *Path) Segments() []string { return nil }

// Walk resolves one path, a query per segment: bounded by the path's
// depth, the children of one value.
func Walk(ctx context.Context, p *Path) { // want Walk:`roundtrips`
	for _, seg := range p.Segments() {
		_ = teamName(ctx, int64(len(seg)))
	}
}

// The twin: a list of paths handed in, a query per path.
func WalkAll(ctx context.Context, paths []string) { // want WalkAll:`roundtrips`
	for _, p := range paths {
		_ = teamName(ctx, int64(len(p))) // want `once per element of paths;`
	}
}

// ---- variadic parameters ----

// saveFew is handed the few topics its caller writes out.
func saveFew(ctx context.Context, topics ...string) {
	for _, t := range topics {
		_, _ = db.ExecContext(ctx, "INSERT INTO topics (name) VALUES ($1)", t)
	}
}

// topicNames reads the names of the topics.
func topicNames(ctx context.Context) []string {
	var out []string
	rows, err := db.QueryContext(ctx, "SELECT name FROM topics")
	if err != nil {
		return nil
	}
	defer rows.Close()
	for rows.Next() {
		var n string
		_ = rows.Scan(&n)
		out = append(out, n)
	}
	return out
}

func listedTopics(ctx context.Context) {
	saveAll(ctx, topicNames(ctx)...)
}

func SaveDefaults(ctx context.Context) { // want SaveDefaults:`roundtrips`
	saveFew(ctx, "news", "alerts")
}

// saveAll is handed a list spread into its variadic parameter: request
// input, not reported by default, but listedTopics hands it the rows
// of a read: a list.
func saveAll(ctx context.Context, topics ...string) {
	for _, t := range topics {
		_, _ = db.ExecContext(ctx, "INSERT INTO topics (name) VALUES ($1)", t) // want `once per element of topics;`
	}
}

func SaveRequested(w http.ResponseWriter, r *http.Request) { // want SaveRequested:`roundtrips`
	saveAll(r.Context(), r.URL.Query()["topic"]...)
}

// ---- a page of one row ----

// UserPager reads pages of users; its implementation is not seen here.
type UserPager interface {
	UsersPage(ctx context.Context, page, pageSize int) ([]User, error)
	UsersQuery(ctx context.Context, q *PageQuery) ([]User, error)
}

type PageQuery struct {
	Page     int
	PageSize int
}

// A review queue that fetches its page one item at a time (apache
// answer's unreviewed revisions and reports) runs its loop once.
func nextToReview(ctx context.Context, p UserPager, page int) {
	users, _ := p.UsersPage(ctx, page, 1)
	for _, u := range users {
		_ = teamName(ctx, u.TeamID)
	}
	queued, _ := p.UsersQuery(ctx, &PageQuery{Page: page, PageSize: 1})
	for _, u := range queued {
		_ = teamName(ctx, u.TeamID)
	}
}

// Its twins fetch pages of twenty: one query per user of the page.
func pageToReview(ctx context.Context, p UserPager, page int) {
	users, _ := p.UsersPage(ctx, page, 20)
	for _, u := range users {
		_ = teamName(ctx, u.TeamID) // want `once per element of users;`
	}
	queued, _ := p.UsersQuery(ctx, &PageQuery{Page: 1, PageSize: 20})
	for _, u := range queued {
		_ = teamName(ctx, u.TeamID) // want `once per element of queued;`
	}
}
