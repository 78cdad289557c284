// Package plugin is the program's API for search plugins, which are
// built from other modules: the core implements Syncer and hands it to
// them; no package of the program calls Syncer's methods.
package plugin

import "context"

// A Content is one document to index.
type Content struct {
	ID      int64
	Answers int
}

// A Syncer pages through every question, for a plugin to index them.
type Syncer interface {
	QuestionsPage(ctx context.Context, page, size int) ([]Content, error)
	VotesPage(ctx context.Context, page, size int) ([]Content, error)
}

// A Search is a search plugin.
type Search interface {
	RegisterSyncer(s Syncer)
}

var searches []Search

// Register installs a search plugin.
func Register(s Search) { searches = append(searches, s) }

// Searches returns the installed plugins.
func Searches() []Search { return searches }

// An Exporter writes pages of questions; the program's own handlers call
// it.
type Exporter interface {
	ExportPage(ctx context.Context, page, size int) ([]Content, error)
	ExportVotes(ctx context.Context, page, size int) ([]Content, error)
}
