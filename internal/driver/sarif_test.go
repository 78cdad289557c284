package driver

import (
	"bytes"
	"encoding/json"
	"go/token"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"golang.org/x/tools/go/analysis"

	"github.com/perfvet/perfvet/internal/sarifschema"
)

// sarifFile is a source file with a non-ASCII line: SARIF counts columns
// in UTF-16 code units, Go in bytes.
const sarifFile = "package p\n\nvar s = \"é😀\"; var c = x\n"

func TestWriteSARIF(t *testing.T) {
	root := t.TempDir()
	file := filepath.Join(root, "sub dir", "p.go")
	if err := os.MkdirAll(filepath.Dir(file), 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(file, []byte(sarifFile), 0o644); err != nil {
		t.Fatal(err)
	}
	outside := filepath.Join(t.TempDir(), "dep.go")

	fset := token.NewFileSet()
	f := fset.AddFile(file, -1, len(sarifFile))
	f.SetLinesForContent([]byte(sarifFile))
	g := fset.AddFile(outside, -1, 100)
	pos := func(s string) token.Pos { return f.Pos(strings.Index(sarifFile, s)) }

	res := &Result{
		Fset: fset,
		Findings: []Finding{
			{Analyzer: "timeouts", Package: "p", Diag: analysis.Diagnostic{
				Pos: pos("x"), End: pos("x") + 1, Category: "client", Message: "x has no timeout",
				Related: []analysis.RelatedInformation{{Pos: pos("var s"), Message: "declared here"}, {Pos: g.Pos(10)}},
				SuggestedFixes: []analysis.SuggestedFix{{Message: "use y", TextEdits: []analysis.TextEdit{
					{Pos: pos("x"), End: pos("x") + 1, NewText: []byte("y")},
				}}},
			}},
			{Analyzer: "timeouts", Package: "p", Diag: analysis.Diagnostic{Pos: pos("var c"), Message: "uncategorized"}},
			{Analyzer: "timeouts", Package: "p", Diag: analysis.Diagnostic{Pos: pos("var s"), Category: "client", Message: "second of its rule"}},
		},
		Errors: []PackageError{
			{Package: "p", Pos: file + ":3:4", Msg: "undefined: x"},
			{Package: "p", Analyzer: "timeouts", Msg: "internal error"},
		},
	}
	doc := RuleDoc{Short: "report work with no time bound (client)", Full: "Work with no timeout can wait forever.", Help: "report work with no time bound\n\nMore.", HelpMarkdown: "**More.**", URI: "https://example.com/timeouts"}
	rules := func(analyzer, category string) (RuleDoc, bool) {
		return doc, analyzer == "timeouts" && category == "client"
	}
	var buf bytes.Buffer
	if err := res.WriteSARIF(&buf, root, SARIFTool{Name: "perfvet", Version: "v1.2.3", InformationURI: "https://example.com", Rules: rules}); err != nil {
		t.Fatal(err)
	}
	if err := sarifschema.Validate(buf.Bytes()); err != nil {
		t.Fatalf("invalid SARIF: %v\n%s", err, buf.String())
	}

	var log struct {
		Runs []struct {
			Tool struct {
				Driver struct {
					Version string
					Rules   []struct {
						ID               string
						ShortDescription struct{ Text string }
						FullDescription  struct{ Text string }
						Help             struct{ Text, Markdown string }
						HelpURI          string
					}
				}
			}
			OriginalURIBaseIDs map[string]struct{ URI string } `json:"originalUriBaseIds"`
			Invocations        []struct {
				ExecutionSuccessful        bool
				ToolExecutionNotifications []json.RawMessage
			}
			Results []struct {
				RuleID    string
				RuleIndex int
				Locations []struct {
					PhysicalLocation struct {
						ArtifactLocation struct{ URI, URIBaseID string }
						Region           struct{ StartLine, StartColumn, EndColumn int }
					}
				}
				RelatedLocations []struct {
					PhysicalLocation struct {
						ArtifactLocation struct{ URI, URIBaseID string }
					}
				}
				Fixes []json.RawMessage
			}
		}
	}
	if err := json.Unmarshal(buf.Bytes(), &log); err != nil {
		t.Fatal(err)
	}
	run := log.Runs[0]
	got := run.Tool.Driver.Rules
	if len(got) != 2 || got[0].ID != "timeouts/client" || got[1].ID != "timeouts" {
		t.Fatalf("rules %+v, want timeouts/client and timeouts", got)
	}
	if r := got[0]; r.ShortDescription.Text != doc.Short || r.FullDescription.Text != doc.Full ||
		r.Help.Text != doc.Help || r.Help.Markdown != doc.HelpMarkdown || r.HelpURI != doc.URI {
		t.Errorf("rule documentation: %+v, want %+v", r, doc)
	}
	// A rule Rules does not document is documented by its id.
	if r := got[1]; r.ShortDescription.Text != "timeouts" || r.Help.Text != "timeouts" || r.HelpURI != "" {
		t.Errorf("undocumented rule: %+v", r)
	}
	if got := run.OriginalURIBaseIDs["%SRCROOT%"].URI; got != "file://"+filepath.ToSlash(root)+"/" {
		t.Errorf("%%SRCROOT%% = %q", got)
	}
	if len(run.Results) != 3 || run.Results[2].RuleID != "timeouts/client" || run.Results[2].RuleIndex != 0 || run.Results[1].RuleIndex != 1 {
		t.Fatalf("results %+v", run.Results)
	}
	loc := run.Results[0].Locations[0].PhysicalLocation
	if loc.ArtifactLocation.URI != "sub%20dir/p.go" || loc.ArtifactLocation.URIBaseID != "%SRCROOT%" {
		t.Errorf("artifact location %+v, want sub%%20dir/p.go relative to %%SRCROOT%%", loc.ArtifactLocation)
	}
	// `var s = "é😀"; var c = x`: x is byte column 27, UTF-16 column 24
	// (é is 2 bytes and 1 unit, 😀 4 bytes and 2 units).
	if loc.Region.StartLine != 3 || loc.Region.StartColumn != 24 || loc.Region.EndColumn != 25 {
		t.Errorf("region %+v, want line 3, columns 24-25 in UTF-16 units", loc.Region)
	}
	rel := run.Results[0].RelatedLocations
	if len(rel) != 2 || rel[0].PhysicalLocation.ArtifactLocation.URIBaseID != "%SRCROOT%" ||
		rel[1].PhysicalLocation.ArtifactLocation.URI != "file://"+filepath.ToSlash(outside) || rel[1].PhysicalLocation.ArtifactLocation.URIBaseID != "" {
		t.Errorf("related locations %+v: want one in the root, one outside it as an absolute file URI", rel)
	}
	if len(run.Results[0].Fixes) != 1 {
		t.Errorf("fixes: %s", run.Results[0].Fixes)
	}
	inv := run.Invocations[0]
	if inv.ExecutionSuccessful || len(inv.ToolExecutionNotifications) != 2 {
		t.Errorf("invocation %+v: want a failed run with 2 notifications", inv)
	}
	if run.Tool.Driver.Version != "v1.2.3" {
		t.Errorf("version %q", run.Tool.Driver.Version)
	}
}

func TestWriteSARIFEmpty(t *testing.T) {
	var buf bytes.Buffer
	res := &Result{Fset: token.NewFileSet()}
	if err := res.WriteSARIF(&buf, "", SARIFTool{Name: "perfvet", InformationURI: "https://example.com"}); err != nil {
		t.Fatal(err)
	}
	if err := sarifschema.Validate(buf.Bytes()); err != nil {
		t.Fatalf("invalid SARIF: %v\n%s", err, buf.String())
	}
	if !strings.Contains(buf.String(), `"results": []`) {
		t.Errorf("a clean run must still list its (empty) results, so that code scanning closes fixed alerts:\n%s", buf.String())
	}
}

// The validator is not vacuous.
func TestSchemaRejects(t *testing.T) {
	for _, bad := range []string{
		`{"version": "2.1.0", "runs": [{"tool": {"driver": {}}}]}`,                                   // driver without name
		`{"version": "2.2.0", "runs": []}`,                                                           // wrong version
		`{"version": "2.1.0", "runs": [{"tool": {"driver": {"name": "x"}}, "results": [{}]}]}`,       // result without message
		`{"version": "2.1.0", "runs": [{"tool": {"driver": {"name": "x"}}, "columnKind": "bytes"}]}`, // no such unit
	} {
		if err := sarifschema.Validate([]byte(bad)); err == nil {
			t.Errorf("schema accepts %s", bad)
		}
	}
}

func TestRepoRoot(t *testing.T) {
	root := t.TempDir()
	sub := filepath.Join(root, "a", "b")
	if err := os.MkdirAll(filepath.Join(root, ".git"), 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.MkdirAll(sub, 0o755); err != nil {
		t.Fatal(err)
	}
	if got := RepoRoot(sub); got != root {
		t.Errorf("RepoRoot(%s) = %s, want %s", sub, got, root)
	}
}
