package pagesize_test

import (
	"testing"

	"golang.org/x/tools/go/analysis/analysistest"

	"github.com/perfvet/perfvet/analyzers/internal/analyzertest"
	"github.com/perfvet/perfvet/analyzers/internal/knowledge"
	"github.com/perfvet/perfvet/analyzers/pagesize"
)

// TestRealLibraries runs the analyzer on the real-libraries fixture
// module: net/http, chi, gorilla/mux, gin, echo, database/sql, GORM and bun.
func TestRealLibraries(t *testing.T) {
	dir := analyzertest.Module(t)
	// Whole-table reads in the store are reported at the read, from the
	// handlers' package.
	results := runWithCauses(t, dir, pagesize.New(writtenConfig(t)), []cause{
		{posn: "store/store.go:45:1", message: `^\(\*gorm.DB\).Find reads every row of User \(no Limit in the chain\) at store/store.go:45, and request paths reach it`, related: []string{"handlers.go:65", "handlers.go:143"}},
		{posn: "store/xorm.go:17:1", message: `^\(\*xorm.Engine\).Find reads every row of User \(no Limit in the chain\) at store/xorm.go:17`, related: []string{"handlers.go:25"}},
		{posn: "store/xorm.go:24:1", message: `^\(\*xorm.Session\).Find reads every row of User \(no Limit in the chain\) at store/xorm.go:24`, related: []string{"handlers.go:26"}},
	}, "./pagesize", "./pagesize/store")
	if len(results) != 2 {
		t.Errorf("analysed %d packages of %s, want the pagesize package and its store", len(results), dir)
	}
	analyzertest.RequireWellTyped(t, results)
}

// TestKnowledgeNames checks the pagesize tables' names against the real
// libraries, so that a typo or an API change cannot leave an entry that
// silently matches nothing.
func TestKnowledgeNames(t *testing.T) {
	libs := []string{
		"net/http", "net/url", "strconv", "encoding/json", "database/sql",
		knowledge.Chi5, knowledge.GorillaMx, knowledge.Gin, knowledge.Echo4,
		"gorm.io/gorm", "github.com/uptrace/bun", "github.com/jmoiron/sqlx", "github.com/jackc/pgx/v5",
		"github.com/jackc/pgx/v5/pgxpool", "github.com/jackc/pgx/v4", "github.com/jackc/pgx/v4/pgxpool",
		"github.com/go-gorp/gorp/v3", "entgo.io/ent/dialect/sql",
		"xorm.io/xorm", "github.com/Masterminds/squirrel", "github.com/doug-martin/goqu/v9",
		"github.com/beego/beego/v2/client/orm",
	}
	var names []string
	for n := range knowledge.RequestInputs {
		names = append(names, n)
	}
	for _, m := range []map[string]string{knowledge.ValuesInputs, knowledge.MapInputs} {
		for n := range m {
			names = append(names, n)
		}
	}
	for _, m := range []map[string]int{knowledge.Binders, knowledge.LimitMethods, knowledge.ORMFinders} {
		for n := range m {
			names = append(names, n)
		}
	}
	for _, m := range []map[string]bool{knowledge.Parsers, knowledge.MultiRowQueries, knowledge.ORMRaw, knowledge.ORMWhere, knowledge.ORMUnknown, knowledge.ORMStarts} {
		for n := range m {
			names = append(names, n)
		}
	}
	analyzertest.RequireDeclared(t, analyzertest.Module(t), libs, names, 80)
}

// TestRealLibrariesIgnored runs the ignored-page-size rule on messages
// protoc-gen-go generated (grpc's channelz): a method that never reads
// max_results and reads every row on a path is reported, its twin that
// pages by it and a method whose request has no page size are not.
func TestRealLibrariesIgnored(t *testing.T) {
	dir := analyzertest.Module(t)
	results := analysistest.Run(t, dir, pagesize.New(defaultConfig()), "./pagesize/grpcapi")
	analyzertest.RequireWellTyped(t, results)
}
