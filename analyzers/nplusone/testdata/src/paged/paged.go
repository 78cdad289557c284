// Package paged checks the default: a loop over a page of rows is
// reported, a loop over every row a read selects (the children of one
// parent) only with -unpaged (package unpaged).
package paged

import (
	"context"
	"database/sql"

	"gorm.io/gorm"
)

var (
	db  *sql.DB
	orm *gorm.DB
)

type User struct {
	ID     int64
	TeamID int64
	Tasks  []string
}

type Options struct {
	Page     int
	PageSize int
}

func scanUsers(rows *sql.Rows) []User {
	var users []User
	for rows.Next() {
		var u User
		_ = rows.Scan(&u.ID, &u.TeamID)
		users = append(users, u)
	}
	return users
}

// recentUsers reads one page: its SQL has a LIMIT.
func recentUsers(ctx context.Context) []User {
	rows, _ := db.QueryContext(ctx, "SELECT id, team_id FROM users ORDER BY id DESC LIMIT 20")
	defer rows.Close()
	return scanUsers(rows)
}

// teamUsers reads every user of one team: the children of one parent.
func teamUsers(ctx context.Context, teamID int64) []User {
	rows, _ := db.QueryContext(ctx, "SELECT id, team_id FROM users WHERE team_id = $1", teamID)
	defer rows.Close()
	return scanUsers(rows)
}

// pageOfUsers takes the page it reads.
func pageOfUsers(ctx context.Context, limit, offset int) []User {
	rows, _ := db.QueryContext(ctx, "SELECT id, team_id FROM users ORDER BY id LIMIT $1 OFFSET $2", limit, offset)
	defer rows.Close()
	return scanUsers(rows)
}

// listUsers takes its page in an options struct.
func listUsers(ctx context.Context, opts Options) []User {
	var users []User
	orm.WithContext(ctx).Offset(opts.Page * opts.PageSize).Find(&users)
	return users
}

// usersByIDs reads the users of the ids it is handed.
func usersByIDs(ctx context.Context, ids []int64) []User {
	rows, _ := db.QueryContext(ctx, "SELECT id, team_id FROM users WHERE id = ANY($1)", ids)
	defer rows.Close()
	return scanUsers(rows)
}

func idsOf(users []User) []int64 {
	ids := make([]int64, 0, len(users))
	for _, u := range users {
		ids = append(ids, u.ID)
	}
	return ids
}

func profile(ctx context.Context, id int64) string {
	var name string
	_ = db.QueryRowContext(ctx, "SELECT name FROM profiles WHERE user_id = $1", id).Scan(&name)
	return name
}

func Recent(ctx context.Context) { // want Recent:`roundtrips\(read: paged\.recentUsers → \(\*sql\.DB\)\.QueryContext\)`
	for _, u := range recentUsers(ctx) {
		_ = profile(ctx, u.ID) // want `once per element of recentUsers\(ctx\)`
	}
}

// The negative twin: the users of one team.
func Team(ctx context.Context, teamID int64) { // want Team:`roundtrips\(read: paged\.teamUsers → \(\*sql\.DB\)\.QueryContext\)`
	for _, u := range teamUsers(ctx, teamID) {
		_ = profile(ctx, u.ID)
	}
}

func Paged(ctx context.Context, limit, offset int) { // want Paged:`roundtrips\(read: paged\.pageOfUsers → \(\*sql\.DB\)\.QueryContext\)`
	for _, u := range pageOfUsers(ctx, limit, offset) {
		_ = profile(ctx, u.ID) // want `once per element of pageOfUsers\(ctx, limit, offset\)`
	}
}

func Listed(ctx context.Context, opts Options) { // want Listed:`roundtrips\(read: paged\.listUsers → \(\*gorm\.DB\)\.Find\)`
	users := listUsers(ctx, opts)
	for _, u := range users {
		_ = profile(ctx, u.ID) // want `once per element of users`
	}
}

// The users of the ids of a page are a page.
func Reloaded(ctx context.Context, limit int) { // want Reloaded:`roundtrips\(read: paged\.pageOfUsers → \(\*sql\.DB\)\.QueryContext\)`
	users := usersByIDs(ctx, idsOf(pageOfUsers(ctx, limit, 0)))
	for _, u := range users {
		_ = profile(ctx, u.ID) // want `once per element of users`
	}
}

// An ORM chain with a Limit reads a page; the same chain without one reads
// every user of the team.
func LimitedChain(ctx context.Context, teamID int64) { // want LimitedChain:`roundtrips\(read: \(\*gorm\.DB\)\.Find\)`
	var users []User
	orm.Where("team_id = ?", teamID).Limit(50).Find(&users)
	for _, u := range users {
		_ = profile(ctx, u.ID) // want `once per element of users`
	}
}

func UnlimitedChain(ctx context.Context, teamID int64) { // want UnlimitedChain:`roundtrips\(read: \(\*gorm\.DB\)\.Find\)`
	var users []User
	orm.Where("team_id = ?", teamID).Find(&users)
	for _, u := range users {
		_ = profile(ctx, u.ID)
	}
}

// A Limit set on the session before the read.
func LimitedSession(ctx context.Context, teamID int64) { // want LimitedSession:`roundtrips\(read: \(\*gorm\.DB\)\.Find\)`
	q := orm.Where("team_id = ?", teamID).Limit(50)
	var users []User
	q.Find(&users)
	for _, u := range users {
		_ = profile(ctx, u.ID) // want `once per element of users`
	}
}

// The Limit of the query in the loop does not make the team a page.
func LimitInLoop(ctx context.Context, teamID int64) { // want LimitInLoop:`roundtrips\(read: \(\*gorm\.DB\)\.Find\)`
	var users []User
	orm.Where("team_id = ?", teamID).Find(&users)
	for _, u := range users {
		var tasks []string
		orm.Where("user_id = ?", u.ID).Limit(10).Find(&tasks)
	}
}

// The children of each user of a page: the N+1 is over the page.
func Nested(ctx context.Context) { // want Nested:`roundtrips\(read: paged\.recentUsers → \(\*sql\.DB\)\.QueryContext\)`
	for _, u := range recentUsers(ctx) { // the loop named
		for _, m := range teamUsers(ctx, u.TeamID) { // want `paged.teamUsers runs a query .* once per element of recentUsers\(ctx\)`
			_ = profile(ctx, m.ID) // want `once per element of recentUsers\(ctx\)`
		}
	}
}

// Storing into a field of an entry of a map, in a loop over a page, does
// not make the map a page: byTeam holds the teams of one parent.
func ByTeam(ctx context.Context, teamID int64) { // want ByTeam:`roundtrips\(read: paged\.teamUsers → \(\*sql\.DB\)\.QueryContext\)`
	byTeam := make(map[int64]*User)
	for _, u := range teamUsers(ctx, teamID) {
		byTeam[u.TeamID] = &u
	}
	for _, u := range recentUsers(ctx) {
		if t, ok := byTeam[u.TeamID]; ok {
			t.Tasks = append(t.Tasks, "x")
		}
		byTeam[u.TeamID].Tasks = nil
	}
	for id := range byTeam {
		_ = profile(ctx, id)
	}
}

type Agents struct{ names []string }

// forEachAgent calls fn once per agent of a.
func forEachAgent(a *Agents, fn func(string)) {
	for _, name := range a.names {
		fn(name)
	}
}

// forEachName calls fn once per name.
func forEachName(names []string, fn func(string)) {
	for _, name := range names {
		fn(name)
	}
}

func byName(ctx context.Context, name string) string {
	var id string
	_ = db.QueryRowContext(ctx, "SELECT id FROM users WHERE name = $1", name).Scan(&id)
	return id
}

// The agents in a field of one value are its children: no list.
func LookupAgents(ctx context.Context, a *Agents) { // want LookupAgents:`roundtrips\(read: paged.forEachAgent → paged.byName → \(\*sql.DB\).QueryRowContext\)`
	forEachAgent(a, func(name string) {
		_ = byName(ctx, name)
	})
}

// The twin: a list handed to an exported function.
func LookupAll(ctx context.Context, names []string) { // want LookupAll:`roundtrips\(read: paged.forEachName → paged.byName → \(\*sql.DB\).QueryRowContext\)`
	forEachName(names, func(name string) {
		_ = byName(ctx, name) // want `once per element`
	})
}

type Window struct{ Offset, Limit int }

// ByTeamOptions takes its page in an embedded struct whose name says
// nothing of a page.
type ByTeamOptions struct {
	Window
	TeamID int64
}

func teamPage(ctx context.Context, opts *ByTeamOptions) []User {
	var users []User
	orm.WithContext(ctx).Where("team_id = ?", opts.TeamID).Offset(opts.Offset).Find(&users)
	return users
}

func TeamPage(ctx context.Context, opts *ByTeamOptions) { // want TeamPage:`roundtrips\(read: paged.teamPage → \(\*gorm.DB\).Find\)`
	for _, u := range teamPage(ctx, opts) {
		_ = profile(ctx, u.ID) // want `once per element of teamPage\(ctx, opts\)`
	}
}

// A repository the package cannot see into: its method's parameters say
// page, or do not.
type Users interface {
	Page(ctx context.Context, page, pageSize int) []User
	OfTeam(ctx context.Context, teamID int64) []User
}

func Listing(ctx context.Context, repo Users, page int) { // want Listing:`roundtrips\(read: paged.profile → \(\*sql.DB\).QueryRowContext\)`
	for _, u := range repo.Page(ctx, page, 20) {
		_ = profile(ctx, u.ID) // want `once per element of repo.Page\(ctx, page, 20\)`
	}
	// The twin: every user of one team.
	for _, u := range repo.OfTeam(ctx, 1) {
		_ = profile(ctx, u.ID)
	}
}

// The ids collected from the rows of a page are a page too.
func recentIDs(ctx context.Context) {
	rows, err := db.QueryContext(ctx, "SELECT id FROM users ORDER BY id DESC LIMIT 20")
	if err != nil {
		return
	}
	var ids []int64
	for rows.Next() {
		var id int64
		_ = rows.Scan(&id)
		ids = append(ids, id)
	}
	_ = rows.Close()
	for _, id := range ids {
		_ = db.QueryRowContext(ctx, "SELECT name FROM profiles WHERE user_id = $1", id).Scan(new(string)) // want `once per element of ids`
	}
}

// The twin: the ids of every member of a team, no page.
func teamIDs(ctx context.Context, teamID int64) {
	rows, err := db.QueryContext(ctx, "SELECT id FROM users WHERE team_id = $1", teamID)
	if err != nil {
		return
	}
	var ids []int64
	for rows.Next() {
		var id int64
		_ = rows.Scan(&id)
		ids = append(ids, id)
	}
	_ = rows.Close()
	for _, id := range ids {
		_ = db.QueryRowContext(ctx, "SELECT name FROM profiles WHERE user_id = $1", id).Scan(new(string))
	}
}

// TeamReader reads a team's members through an interface: the read is
// known by its parameters only.
type TeamReader interface {
	Members(ctx context.Context, opts *ByTeamOptions) []User
}

// Handed a literal that sets no page, the options ask for every member
// of the team: the children of one parent (reported only with -unpaged).
func WholeTeam(ctx context.Context, r TeamReader, teamID int64) { // want WholeTeam:`roundtrips\(read: paged.profile → \(\*sql.DB\).QueryRowContext\)`
	for _, u := range r.Members(ctx, &ByTeamOptions{TeamID: teamID}) {
		_ = profile(ctx, u.ID)
	}
}

// A literal that sets the window asks for a page.
func FirstOfTeam(ctx context.Context, r TeamReader, teamID int64) { // want FirstOfTeam:`roundtrips\(read: paged.profile → \(\*sql.DB\).QueryRowContext\)`
	for _, u := range r.Members(ctx, &ByTeamOptions{Window: Window{Limit: 20}, TeamID: teamID}) {
		_ = profile(ctx, u.ID) // want `once per element of r.Members\(ctx, &ByTeamOptions\{Window:`
	}
}

// Options held in a variable may carry a page: a page.
func TeamWith(ctx context.Context, r TeamReader, opts *ByTeamOptions) { // want TeamWith:`roundtrips\(read: paged.profile → \(\*sql.DB\).QueryRowContext\)`
	for _, u := range r.Members(ctx, opts) {
		_ = profile(ctx, u.ID) // want `once per element of r.Members\(ctx, opts\)`
	}
}
