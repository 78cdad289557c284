// Package writesoff holds loops that write per element, checked with
// -nplusone.writes off (the default).
package writesoff

import "xorm.io/xorm"

// xormEngine is the program's own interface over xorm's engine and
// session (gogs' database.Engine): helpers take either.
type xormEngine interface {
	Get(beans ...any) (bool, error)
	Delete(beans ...any) (int64, error)
}

var (
	_ xormEngine = (*xorm.Engine)(nil)
	_ xormEngine = (*xorm.Session)(nil)
)

type watch struct{ UserID, RepoID int64 }

func xormIsWatching(e xormEngine, user, repo int64) bool {
	has, _ := e.Get(&watch{UserID: user, RepoID: repo})
	return has
}

func xormUnwatch(e xormEngine, user, repo int64) error {
	if !xormIsWatching(e, user, repo) {
		return nil
	}
	_, err := e.Delete(&watch{UserID: user, RepoID: repo})
	return err
}

// Unwatching every repository checks, then deletes, each watch through
// the program's Engine, which both of xorm's types delete in: a bulk
// write, whose checks are its own (reported with -writes).
func xormUnwatchAll(sess *xorm.Session, user int64, repos []int64) {
	for _, repo := range repos {
		_ = xormUnwatch(sess, user, repo)
	}
}

// Counting the watched repositories checks each one: reported.
func xormWatchedOf(sess *xorm.Session, user int64, repos []int64) (n int) {
	for _, repo := range repos {
		if xormIsWatching(sess, user, repo) { // want `^writesoff.xormIsWatching may run a query \(\(writesoff.xormEngine\).Get → \(\*xorm.Engine\).Get in writesoff/xorm.go:22\) once per element of repos`
			n++
		}
	}
	return n
}
