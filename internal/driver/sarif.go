package driver

import (
	"cmp"
	"encoding/json"
	"fmt"
	"go/token"
	"io"
	"net/url"
	"os"
	"path/filepath"
	"strings"
	"unicode/utf16"
	"unicode/utf8"
)

// SARIF is written by hand, as golangci-lint does: the subset perfvet uses
// is small, and a SARIF library would bring a JSON-schema engine into the
// command. The output is validated against the SARIF 2.1.0 schema in the
// tests (testdata/sarif-schema-2.1.0.json).

const (
	sarifVersion = "2.1.0"
	sarifSchema  = "https://json.schemastore.org/sarif-2.1.0.json"
	// srcRoot is the base of every URI inside the repository.
	srcRoot = "%SRCROOT%"
	// sarifLevel is the level of every finding: perfvet's findings are
	// performance risks to fix, not proven failures.
	sarifLevel = "warning"
)

type (
	sarifLog struct {
		Schema  string     `json:"$schema"`
		Version string     `json:"version"`
		Runs    []sarifRun `json:"runs"`
	}
	sarifRun struct {
		Tool               sarifTool                   `json:"tool"`
		Invocations        []sarifInvocation           `json:"invocations"`
		OriginalURIBaseIDs map[string]sarifArtifactLoc `json:"originalUriBaseIds,omitempty"`
		ColumnKind         string                      `json:"columnKind"`
		Results            []sarifResult               `json:"results"`
	}
	sarifTool struct {
		Driver sarifDriver `json:"driver"`
	}
	sarifDriver struct {
		Name           string      `json:"name"`
		Version        string      `json:"version,omitempty"`
		InformationURI string      `json:"informationUri"`
		Rules          []sarifRule `json:"rules"`
	}
	sarifRule struct {
		ID                   string            `json:"id"`
		Name                 string            `json:"name"`
		ShortDescription     sarifText         `json:"shortDescription"`
		FullDescription      sarifText         `json:"fullDescription"`
		Help                 sarifHelp         `json:"help"`
		HelpURI              string            `json:"helpUri,omitempty"`
		DefaultConfiguration sarifRuleConfig   `json:"defaultConfiguration"`
		Properties           sarifRuleProperty `json:"properties"`
	}
	sarifRuleConfig struct {
		Level string `json:"level"`
	}
	sarifRuleProperty struct {
		Tags     []string `json:"tags"`
		Analyzer string   `json:"analyzer"`
		Category string   `json:"category,omitempty"`
	}
	sarifText struct {
		Text string `json:"text"`
	}
	sarifHelp struct {
		Text     string `json:"text"`
		Markdown string `json:"markdown,omitempty"`
	}
	sarifInvocation struct {
		ExecutionSuccessful bool                `json:"executionSuccessful"`
		Notifications       []sarifNotification `json:"toolExecutionNotifications,omitempty"`
	}
	sarifNotification struct {
		Level   string          `json:"level"`
		Message sarifText       `json:"message"`
		Locs    []sarifLocation `json:"locations,omitempty"`
	}
	sarifResult struct {
		RuleID    string          `json:"ruleId"`
		RuleIndex int             `json:"ruleIndex"`
		Level     string          `json:"level"`
		Message   sarifText       `json:"message"`
		Locations []sarifLocation `json:"locations"`
		Related   []sarifLocation `json:"relatedLocations,omitempty"`
		Fixes     []sarifFix      `json:"fixes,omitempty"`
	}
	sarifLocation struct {
		ID       *int          `json:"id,omitempty"`
		Physical sarifPhysical `json:"physicalLocation"`
		Message  *sarifText    `json:"message,omitempty"`
	}
	sarifPhysical struct {
		Artifact sarifArtifactLoc `json:"artifactLocation"`
		Region   *sarifRegion     `json:"region,omitempty"`
	}
	sarifArtifactLoc struct {
		URI       string `json:"uri"`
		URIBaseID string `json:"uriBaseId,omitempty"`
	}
	sarifRegion struct {
		StartLine   int  `json:"startLine,omitempty"`
		StartColumn int  `json:"startColumn,omitempty"`
		EndLine     int  `json:"endLine,omitempty"`
		EndColumn   int  `json:"endColumn,omitempty"`
		ByteOffset  *int `json:"byteOffset,omitempty"`
		ByteLength  *int `json:"byteLength,omitempty"`
	}
	sarifFix struct {
		Description sarifText             `json:"description"`
		Changes     []sarifArtifactChange `json:"artifactChanges"`
	}
	sarifArtifactChange struct {
		Artifact     sarifArtifactLoc   `json:"artifactLocation"`
		Replacements []sarifReplacement `json:"replacements"`
	}
	sarifReplacement struct {
		Deleted  sarifRegion `json:"deletedRegion"`
		Inserted sarifText   `json:"insertedContent"`
	}
)

// A SARIFTool describes the tool in a SARIF log.
type SARIFTool struct {
	Name           string
	Version        string
	InformationURI string
	// Rules documents the rules: a rule is an analyzer and a category of
	// its findings. Nil, or false, leaves a rule documented by its id.
	Rules func(analyzer, category string) (RuleDoc, bool)
}

// A RuleDoc documents a SARIF rule (an analyzer's category of findings).
type RuleDoc struct {
	Short string // one line
	Full  string // a paragraph
	Help  string // the analyzer's documentation, plain text
	// HelpMarkdown is the same in Markdown, which code scanning shows.
	HelpMarkdown string
	URI          string
}

// RuleID returns the SARIF rule id of a finding: "analyzer/category", or
// the analyzer's name for a finding without a category.
func RuleID(analyzer, category string) string {
	if category == "" {
		return analyzer
	}
	return analyzer + "/" + category
}

// WriteSARIF writes the result as a SARIF 2.1.0 log, for GitHub code
// scanning and other SARIF viewers: one rule per analyzer and category,
// documented by tool.Rules, and URIs relative to root (the
// repository root, base id %SRCROOT%). Files outside root keep absolute
// file URIs.
func (r *Result) WriteSARIF(w io.Writer, root string, tool SARIFTool) error {
	s := &sarifWriter{res: r, root: root, lines: make(map[string][]byte)}
	run := sarifRun{
		Tool: sarifTool{Driver: sarifDriver{
			Name:           tool.Name,
			Version:        tool.Version,
			InformationURI: tool.InformationURI,
			Rules:          []sarifRule{},
		}},
		ColumnKind: "utf16CodeUnits",
		Results:    []sarifResult{},
	}
	if root != "" {
		run.OriginalURIBaseIDs = map[string]sarifArtifactLoc{srcRoot: {URI: fileURI(root) + "/"}}
	}
	ruleIndex := make(map[string]int)
	for _, f := range r.Findings {
		id := RuleID(f.Analyzer, f.Diag.Category)
		idx, ok := ruleIndex[id]
		if !ok {
			idx = len(run.Tool.Driver.Rules)
			ruleIndex[id] = idx
			run.Tool.Driver.Rules = append(run.Tool.Driver.Rules, sarifRuleFor(f.Analyzer, f.Diag.Category, tool.Rules))
		}
		run.Results = append(run.Results, s.result(f, id, idx))
	}
	inv := sarifInvocation{ExecutionSuccessful: len(r.Errors) == 0}
	for _, e := range r.Errors {
		n := sarifNotification{Level: "error", Message: sarifText{e.Error()}}
		if loc, ok := s.errorLocation(e.Pos); ok {
			n.Message.Text = strings.TrimPrefix(n.Message.Text, e.Pos+": ")
			n.Locs = []sarifLocation{loc}
		}
		inv.Notifications = append(inv.Notifications, n)
	}
	run.Invocations = []sarifInvocation{inv}
	data, err := json.MarshalIndent(sarifLog{Schema: sarifSchema, Version: sarifVersion, Runs: []sarifRun{run}}, "", "  ")
	if err != nil {
		return err
	}
	_, err = fmt.Fprintf(w, "%s\n", data)
	return err
}

// sarifRuleFor returns the rule of an analyzer's category, documented by
// docs, or by its id alone.
func sarifRuleFor(analyzer, category string, docs func(analyzer, category string) (RuleDoc, bool)) sarifRule {
	id := RuleID(analyzer, category)
	doc := RuleDoc{Short: id, Full: id, Help: id}
	if docs != nil {
		if d, ok := docs(analyzer, category); ok {
			doc = d
		}
	}
	tags := []string{"performance", analyzer}
	if category != "" {
		tags = append(tags, category)
	}
	return sarifRule{
		ID:                   id,
		Name:                 id,
		ShortDescription:     sarifText{doc.Short},
		FullDescription:      sarifText{doc.Full},
		Help:                 sarifHelp{Text: doc.Help, Markdown: doc.HelpMarkdown},
		HelpURI:              doc.URI,
		DefaultConfiguration: sarifRuleConfig{Level: sarifLevel},
		Properties:           sarifRuleProperty{Tags: tags, Analyzer: analyzer, Category: category},
	}
}

// A sarifWriter turns positions into SARIF locations.
type sarifWriter struct {
	res   *Result
	root  string
	lines map[string][]byte // file contents, for UTF-16 columns
}

func (s *sarifWriter) result(f Finding, id string, idx int) sarifResult {
	d := f.Diag
	res := sarifResult{
		RuleID:    id,
		RuleIndex: idx,
		Level:     sarifLevel,
		Message:   sarifText{d.Message},
		Locations: []sarifLocation{s.location(d.Pos, d.End)},
	}
	for i, rel := range d.Related {
		loc := s.location(rel.Pos, rel.End)
		loc.ID = new(i + 1)
		loc.Message = &sarifText{cmp.Or(rel.Message, "related")}
		res.Related = append(res.Related, loc)
	}
	for _, fix := range d.SuggestedFixes {
		byFile := make(map[string]int) // file -> index in Changes
		sf := sarifFix{Description: sarifText{fix.Message}}
		for _, e := range fix.TextEdits {
			start, end := s.res.Fset.Position(e.Pos), s.res.Fset.Position(cmp.Or(e.End, e.Pos))
			i, ok := byFile[start.Filename]
			if !ok {
				i = len(sf.Changes)
				byFile[start.Filename] = i
				sf.Changes = append(sf.Changes, sarifArtifactChange{Artifact: s.artifact(start.Filename)})
			}
			sf.Changes[i].Replacements = append(sf.Changes[i].Replacements, sarifReplacement{
				Deleted:  sarifRegion{ByteOffset: new(start.Offset), ByteLength: new(end.Offset - start.Offset)},
				Inserted: sarifText{string(e.NewText)},
			})
		}
		res.Fixes = append(res.Fixes, sf)
	}
	return res
}

func (s *sarifWriter) location(pos, end token.Pos) sarifLocation {
	p := s.res.Fset.Position(pos)
	e := s.res.Fset.Position(cmp.Or(end, pos))
	if !e.IsValid() || e.Filename != p.Filename {
		e = p
	}
	loc := sarifLocation{Physical: sarifPhysical{Artifact: s.artifact(p.Filename)}}
	if p.Line > 0 {
		loc.Physical.Region = &sarifRegion{
			StartLine:   p.Line,
			StartColumn: s.column(p),
			EndLine:     e.Line,
			EndColumn:   s.column(e),
		}
	}
	return loc
}

// errorLocation parses the "file:line:col" of a package error.
func (s *sarifWriter) errorLocation(pos string) (sarifLocation, bool) {
	if pos == "" {
		return sarifLocation{}, false
	}
	file, line, col := pos, 0, 0
	// file:line:col or file:line; the file may itself contain colons.
	if i := strings.LastIndex(file, ":"); i > 0 {
		if n, err := fmt.Sscanf(file[i+1:], "%d", &col); n == 1 && err == nil {
			file = file[:i]
			if j := strings.LastIndex(file, ":"); j > 0 {
				if n, err := fmt.Sscanf(file[j+1:], "%d", &line); n == 1 && err == nil {
					file = file[:j]
				} else {
					line, col = col, 0
				}
			} else {
				line, col = col, 0
			}
		}
	}
	if line <= 0 {
		return sarifLocation{}, false
	}
	loc := sarifLocation{Physical: sarifPhysical{Artifact: s.artifact(file), Region: &sarifRegion{StartLine: line}}}
	if col > 0 {
		loc.Physical.Region.StartColumn = col
	}
	return loc, true
}

// artifact returns the location of a file: relative to the root when
// inside it, else an absolute file URI.
func (s *sarifWriter) artifact(filename string) sarifArtifactLoc {
	if s.root != "" && filepath.IsAbs(filename) {
		if rel, err := filepath.Rel(s.root, filename); err == nil && rel != ".." && !strings.HasPrefix(rel, ".."+string(filepath.Separator)) {
			return sarifArtifactLoc{URI: (&url.URL{Path: filepath.ToSlash(rel)}).EscapedPath(), URIBaseID: srcRoot}
		}
	}
	if filepath.IsAbs(filename) {
		return sarifArtifactLoc{URI: fileURI(filename)}
	}
	return sarifArtifactLoc{URI: (&url.URL{Path: filepath.ToSlash(filename)}).EscapedPath()}
}

// column returns p's column in UTF-16 code units, SARIF's default unit,
// where Go counts bytes; the two differ on lines with non-ASCII text
// before p.
func (s *sarifWriter) column(p token.Position) int {
	if p.Column <= 1 {
		return max(p.Column, 1)
	}
	data, ok := s.lines[p.Filename]
	if !ok {
		data, _ = os.ReadFile(p.Filename) // unreadable: byte columns
		s.lines[p.Filename] = data
	}
	start := p.Offset - (p.Column - 1)
	if data == nil || start < 0 || p.Offset > len(data) {
		return p.Column
	}
	prefix := data[start:p.Offset]
	n := 0
	for len(prefix) > 0 {
		r, size := utf8.DecodeRune(prefix)
		prefix = prefix[size:]
		n += utf16.RuneLen(r)
	}
	return n + 1
}

// fileURI returns the file URI of an absolute path.
func fileURI(path string) string {
	slashed := filepath.ToSlash(path)
	if !strings.HasPrefix(slashed, "/") {
		slashed = "/" + slashed // C:/x -> /C:/x
	}
	return (&url.URL{Scheme: "file", Path: slashed}).String()
}

// RepoRoot returns the root of the repository holding dir: the nearest
// directory upwards with a .git entry, or dir itself outside a repository.
func RepoRoot(dir string) string {
	abs, err := filepath.Abs(dir)
	if err != nil {
		return dir
	}
	for d := abs; ; {
		if _, err := os.Stat(filepath.Join(d, ".git")); err == nil {
			return d
		}
		parent := filepath.Dir(d)
		if parent == d {
			return abs
		}
		d = parent
	}
}
