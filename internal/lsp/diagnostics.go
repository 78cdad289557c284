package lsp

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"go/ast"
	"go/parser"
	"go/token"
	"os"
	"path"
	"path/filepath"
	"slices"
	"sort"
	"strconv"
	"strings"
	"unicode/utf16"
	"unicode/utf8"

	"github.com/tliron/glsp"
	protocol "github.com/tliron/glsp/protocol_3_16"
	"golang.org/x/tools/go/analysis"

	"github.com/perfvet/perfvet/analyzers/plan"
	"github.com/perfvet/perfvet/internal/driver"
	"github.com/perfvet/perfvet/internal/engine"
)

// fileFixes are the code actions of the diagnostics published for a file.
type fileFixes struct {
	src   []byte // the content they were computed on
	items []fixItem
}

type fixItem struct {
	diag    protocol.Diagnostic
	actions []protocol.CodeAction
}

// publish sends the diagnostics of every file whose diagnostics changed,
// and of every file in force (the files changed since the last update, so
// that the editor sees each edit answered, with the version it was
// computed on). scope, if not nil, limits it to some files: an early
// result has the findings of the edited packages only.
func (vs *viewState) publish(res *engine.Result, versions map[string]int32, force, scope map[string]bool) {
	byFile := make(map[string][]driver.Finding)
	for _, f := range res.Findings {
		if tf := res.Fset.File(f.Diag.Pos); tf != nil {
			byFile[tf.Name()] = append(byFile[tf.Name()], f)
		}
	}
	files := make(map[string]bool)
	for f := range byFile {
		files[f] = true
	}
	for f := range vs.published {
		files[f] = true
	}
	for f := range force {
		if strings.HasSuffix(f, ".go") {
			files[f] = true
		}
	}
	conv := &converter{fset: res.Fset, view: vs.view, sources: res.Sources, mappers: make(map[string]*mapper)}
	broken := illTypedDirs(res)
	for _, file := range slices.Sorted(mapsKeys(files)) {
		if scope != nil && !scope[file] {
			continue
		}
		diags, items := conv.diagnostics(byFile[file])
		diags = vs.keepGood(file, diags, broken)
		data, _ := json.Marshal(diags)
		key := string(data)
		if old, ok := vs.published[file]; (ok && old == key || !ok && len(diags) == 0) && !force[file] {
			continue
		}
		if len(diags) == 0 {
			delete(vs.published, file)
		} else {
			vs.published[file] = key
		}
		params := protocol.PublishDiagnosticsParams{URI: pathToURI(file), Diagnostics: diags}
		if version, open := versions[file]; open {
			v := protocol.UInteger(version)
			params.Version = &v
		}
		vs.s.setFixes(file, conv.source(file), items)
		vs.s.notify(protocol.ServerTextDocumentPublishDiagnostics, params)
	}
}

// staleNote marks a finding kept from the last version of a file whose
// package type-checked.
const staleNote = " [stale: from the last version that type-checked; the package has errors]"

// illTypedDirs returns the directories of the packages with load, parse or
// type errors in res (a package is a directory, test variants aside).
func illTypedDirs(res *engine.Result) map[string]bool {
	dirs := make(map[string]bool)
	for _, e := range res.Errors {
		if e.Analyzer != "" || e.Pos == "" {
			continue
		}
		file := e.Pos
		// Pos is file:line:col; cut the two numbers off the end.
		for range 2 {
			if i := strings.LastIndexByte(file, ':'); i > 0 {
				if _, err := strconv.Atoi(file[i+1:]); err == nil {
					file = file[:i]
				}
			}
		}
		dirs[filepath.Dir(file)] = true
	}
	return dirs
}

// keepGood keeps a file's findings from flickering while its package does
// not type-check: flow checks need type-correct code, so a transient type
// error while typing would drop them. The findings of the last version
// whose package type-checked are published alongside the new ones, marked
// stale (their positions are those of that version), until the package
// type-checks again.
func (vs *viewState) keepGood(file string, diags []protocol.Diagnostic, broken map[string]bool) []protocol.Diagnostic {
	if !broken[filepath.Dir(file)] {
		vs.good[file] = diags
		return diags
	}
	have := make(map[string]bool, len(diags))
	for _, d := range diags {
		have[diagKey(d)] = true
	}
	out := diags
	for _, d := range vs.good[file] {
		if have[diagKey(d)] {
			continue
		}
		d.Message += staleNote
		out = append(out, d)
	}
	return out
}

func diagKey(d protocol.Diagnostic) string {
	src := ""
	if d.Source != nil {
		src = *d.Source
	}
	return src + "\x00" + d.Message
}

func mapsKeys[V any](m map[string]V) func(func(string) bool) {
	return func(yield func(string) bool) {
		for k := range m {
			if !yield(k) {
				return
			}
		}
	}
}

func (s *Server) setFixes(file string, src []byte, items []fixItem) {
	s.mu.Lock()
	defer s.mu.Unlock()
	if len(items) == 0 || src == nil {
		delete(s.fixes, file)
		return
	}
	s.fixes[file] = &fileFixes{src: src, items: items}
}

// codeAction answers with the quick fixes of the diagnostics at the range
// (or named in the request), if the file's content is still what they
// were computed on: a fix computed on older text would edit the wrong
// place.
func (s *Server) codeAction(_ *glsp.Context, p *protocol.CodeActionParams) (any, error) {
	out := []protocol.CodeAction{}
	if len(p.Context.Only) > 0 && !slices.ContainsFunc(p.Context.Only, func(k string) bool {
		return k == "" || k == protocol.CodeActionKindQuickFix
	}) {
		return out, nil
	}
	file := uriToPath(p.TextDocument.URI)
	s.mu.Lock()
	ff := s.fixes[file]
	s.mu.Unlock()
	if ff == nil {
		return out, nil
	}
	if cur, _ := s.content(file); !bytes.Equal(cur, ff.src) {
		return out, nil // unreadable, or changed since
	}
	for _, it := range ff.items {
		if overlaps(it.diag.Range, p.Range) || slices.ContainsFunc(p.Context.Diagnostics, func(d protocol.Diagnostic) bool {
			return d.Range == it.diag.Range && d.Message == it.diag.Message
		}) {
			out = append(out, it.actions...)
		}
	}
	return out, nil
}

func overlaps(a, b protocol.Range) bool {
	return !before(a.End, b.Start) && !before(b.End, a.Start)
}

func before(p, q protocol.Position) bool {
	return p.Line < q.Line || p.Line == q.Line && p.Character < q.Character
}

// A converter turns findings into LSP diagnostics and code actions.
type converter struct {
	fset    *token.FileSet
	view    *engine.View
	sources map[string][]byte // the analysed content of some files, if known
	mappers map[string]*mapper
}

// source returns the content a workspace file was analysed as.
func (c *converter) source(file string) []byte {
	if src, ok := c.sources[file]; ok {
		return src
	}
	src, _ := c.view.Source(file)
	return src
}

func (c *converter) diagnostics(findings []driver.Finding) ([]protocol.Diagnostic, []fixItem) {
	diags := []protocol.Diagnostic{}
	var items []fixItem
	for _, f := range findings {
		_, rng, ok := c.rng(f.Diag.Pos, f.Diag.End)
		if !ok {
			continue
		}
		severity := protocol.DiagnosticSeverityWarning
		source := f.Analyzer
		code := f.Diag.Category
		if code == "" {
			code = f.Analyzer
		}
		d := protocol.Diagnostic{
			Range:    rng,
			Severity: &severity,
			Code:     &protocol.IntegerOrString{Value: code},
			Source:   &source,
			Message:  f.Diag.Message,
		}
		if f.Diag.URL != "" {
			d.CodeDescription = &protocol.CodeDescription{HRef: f.Diag.URL}
		}
		for _, r := range f.Diag.Related {
			file, rrng, ok := c.rng(r.Pos, r.End)
			if !ok {
				continue
			}
			d.RelatedInformation = append(d.RelatedInformation, protocol.DiagnosticRelatedInformation{
				Location: protocol.Location{URI: pathToURI(file), Range: rrng},
				Message:  r.Message,
			})
		}
		diags = append(diags, d)
		var actions []protocol.CodeAction
		for _, fix := range f.Diag.SuggestedFixes {
			edit, ok := c.workspaceEdit(fix)
			if !ok {
				continue
			}
			title := fix.Message
			if title == "" {
				title = "Apply the fix suggested by " + f.Analyzer
			}
			kind := protocol.CodeActionKindQuickFix
			actions = append(actions, protocol.CodeAction{
				Title:       title,
				Kind:        &kind,
				Diagnostics: []protocol.Diagnostic{d},
				Edit:        edit,
			})
		}
		if len(actions) == 1 {
			yes := true
			actions[0].IsPreferred = &yes
		}
		if len(actions) > 0 {
			items = append(items, fixItem{diag: d, actions: actions})
		}
	}
	return diags, items
}

// rng converts a token range to an LSP range in its file.
func (c *converter) rng(pos, end token.Pos) (string, protocol.Range, bool) {
	tf := c.fset.File(pos)
	if tf == nil || !inFile(tf, pos) {
		return "", protocol.Range{}, false
	}
	start := tf.Offset(pos)
	stop := start
	if end.IsValid() && inFile(tf, end) && end >= pos {
		stop = tf.Offset(end)
	}
	m := c.mapper(tf.Name())
	return tf.Name(), protocol.Range{Start: m.position(start), End: m.position(stop)}, true
}

func inFile(tf *token.File, p token.Pos) bool {
	return int(p) >= tf.Base() && int(p) <= tf.Base()+tf.Size()
}

func (c *converter) mapper(file string) *mapper {
	if m := c.mappers[file]; m != nil {
		return m
	}
	src := c.source(file)
	if src == nil {
		src, _ = os.ReadFile(file) // a dependency's file, for related information
	}
	m := newMapper(src)
	c.mappers[file] = m
	return m
}

// workspaceEdit converts a suggested fix, removing the imports it leaves
// unused (as perfvet -fix does).
func (c *converter) workspaceEdit(fix analysis.SuggestedFix) (*protocol.WorkspaceEdit, bool) {
	type byteEdit struct {
		start, end int
		text       string
	}
	byFile := make(map[string][]byteEdit)
	for _, te := range fix.TextEdits {
		tf := c.fset.File(te.Pos)
		if tf == nil || !inFile(tf, te.Pos) {
			return nil, false
		}
		end := te.End
		if !end.IsValid() {
			end = te.Pos
		}
		if !inFile(tf, end) || end < te.Pos {
			return nil, false
		}
		byFile[tf.Name()] = append(byFile[tf.Name()], byteEdit{tf.Offset(te.Pos), tf.Offset(end), string(te.NewText)})
	}
	if len(byFile) == 0 {
		return nil, false
	}
	we := &protocol.WorkspaceEdit{Changes: make(map[string][]protocol.TextEdit)}
	for file, edits := range byFile {
		m := c.mapper(file)
		if m.src == nil {
			return nil, false
		}
		sort.SliceStable(edits, func(i, j int) bool { return edits[i].start < edits[j].start })
		var fixed bytes.Buffer
		last := 0
		for _, e := range edits {
			if e.start < last || e.end > len(m.src) {
				return nil, false // overlapping or out of range: not offered
			}
			fixed.Write(m.src[last:e.start])
			fixed.WriteString(e.text)
			last = e.end
		}
		fixed.Write(m.src[last:])
		for _, span := range unusedImports(file, m.src, fixed.Bytes(), c.view.ImportNames(file)) {
			clash := false
			for _, e := range edits {
				if span[0] < e.end && e.start < span[1] {
					clash = true
				}
			}
			if !clash {
				edits = append(edits, byteEdit{span[0], span[1], ""})
			}
		}
		var out []protocol.TextEdit
		for _, e := range edits {
			out = append(out, protocol.TextEdit{Range: protocol.Range{Start: m.position(e.start), End: m.position(e.end)}, NewText: e.text})
		}
		we.Changes[pathToURI(file)] = out
	}
	return we, true
}

// unusedImports returns the byte spans, in before, of the imports that
// the edit from before to after leaves unused: whole lines where the
// import stands alone on its line, the whole declaration if it imports
// nothing else.
func unusedImports(filename string, before, after []byte, names map[string]string) [][2]int {
	fset := token.NewFileSet()
	oldFile, err := parser.ParseFile(fset, filename, before, parser.ParseComments|parser.SkipObjectResolution)
	if err != nil {
		return nil
	}
	newFile, err := parser.ParseFile(token.NewFileSet(), filename, after, parser.SkipObjectResolution)
	if err != nil {
		return nil
	}
	usedBefore, usedAfter := usedQualifiers(oldFile), usedQualifiers(newFile)
	tf := fset.File(oldFile.FileStart)
	var spans [][2]int
	for _, decl := range oldFile.Decls {
		gd, ok := decl.(*ast.GenDecl)
		if !ok || gd.Tok != token.IMPORT {
			continue
		}
		var remove []*ast.ImportSpec
		for _, spec := range gd.Specs {
			is := spec.(*ast.ImportSpec)
			p, err := strconv.Unquote(is.Path.Value)
			if err != nil {
				continue
			}
			name := names[p]
			if name == "" {
				name = path.Base(p)
			}
			if is.Name != nil {
				name = is.Name.Name
			}
			if name == "_" || name == "." {
				continue
			}
			if usedBefore[name] && !usedAfter[name] {
				remove = append(remove, is)
			}
		}
		if len(remove) == 0 {
			continue
		}
		if len(remove) == len(gd.Specs) {
			spans = append(spans, lineSpan(before, tf.Offset(gd.Pos()), tf.Offset(gd.End())))
			continue
		}
		for _, is := range remove {
			start := is.Pos()
			if is.Doc != nil {
				start = is.Doc.Pos()
			}
			end := is.End()
			if is.Comment != nil {
				end = is.Comment.End()
			}
			spans = append(spans, lineSpan(before, tf.Offset(start), tf.Offset(end)))
		}
	}
	return spans
}

// lineSpan widens [start, end) to whole lines when nothing else is on them.
func lineSpan(src []byte, start, end int) [2]int {
	ls := bytes.LastIndexByte(src[:start], '\n') + 1
	if len(bytes.TrimSpace(src[ls:start])) > 0 {
		return [2]int{start, end}
	}
	le := len(src)
	if i := bytes.IndexByte(src[end:], '\n'); i >= 0 {
		le = end + i + 1
	}
	if len(bytes.TrimSpace(src[end:le])) > 0 {
		return [2]int{start, end}
	}
	return [2]int{ls, le}
}

// usedQualifiers returns the identifiers used as the X of X.Sel.
func usedQualifiers(f *ast.File) map[string]bool {
	used := make(map[string]bool)
	ast.Inspect(f, func(n ast.Node) bool {
		if sel, ok := n.(*ast.SelectorExpr); ok {
			if id, ok := sel.X.(*ast.Ident); ok {
				used[id.Name] = true
			}
		}
		return true
	})
	return used
}

// A mapper converts byte offsets in a file to LSP positions (lines and
// UTF-16 code units).
type mapper struct {
	src   []byte
	lines []int // offset of each line's start
}

func newMapper(src []byte) *mapper {
	m := &mapper{src: src, lines: []int{0}}
	for i, b := range src {
		if b == '\n' {
			m.lines = append(m.lines, i+1)
		}
	}
	return m
}

func (m *mapper) position(offset int) protocol.Position {
	offset = max(0, min(offset, len(m.src)))
	line := sort.Search(len(m.lines), func(i int) bool { return m.lines[i] > offset }) - 1
	return protocol.Position{Line: protocol.UInteger(line), Character: protocol.UInteger(utf16Len(m.src[m.lines[line]:offset]))}
}

// offset converts a line (0-based) and a column counted in characters
// (0-based) to a byte offset, clamped to the line.
func (m *mapper) runeOffset(line, col int) int {
	if line < 0 || line >= len(m.lines) {
		return len(m.src)
	}
	off := m.lines[line]
	for ; col > 0 && off < len(m.src) && m.src[off] != '\n'; col-- {
		_, size := utf8.DecodeRune(m.src[off:])
		off += size
	}
	return off
}

func (m *mapper) lineEnd(offset int) int {
	if i := bytes.IndexByte(m.src[offset:], '\n'); i >= 0 {
		return offset + i
	}
	return len(m.src)
}

func utf16Len(b []byte) int {
	n := 0
	for len(b) > 0 {
		r, size := utf8.DecodeRune(b)
		b = b[size:]
		if k := utf16.RuneLen(r); k > 0 {
			n += k
		} else {
			n++
		}
	}
	return n
}

// --- The plan ---

// publishPlans validates every plan file that applies to a workspace
// package, and every open perfplan.yaml, from the editor's buffer if it is
// open, and publishes its problems where they are.
func (s *Server) publishPlans() {
	s.planMu.Lock()
	defer s.planMu.Unlock()
	files := make(map[string]bool)
	for _, vs := range s.allViews() {
		for _, f := range vs.plans.planFiles() {
			files[f] = true
		}
	}
	s.mu.Lock()
	for p := range s.docs {
		if isPlanFile(p) {
			files[p] = true
		}
	}
	_, versions := s.snapshotLocked()
	s.mu.Unlock()
	all := make(map[string]bool)
	for f := range files {
		all[f] = true
	}
	for f := range s.planPublished {
		all[f] = true
	}
	for _, file := range slices.Sorted(mapsKeys(all)) {
		var diags []protocol.Diagnostic
		if files[file] {
			diags = s.planDiagnostics(file)
		}
		if diags == nil {
			diags = []protocol.Diagnostic{}
		}
		data, _ := json.Marshal(diags)
		key := string(data)
		if old, ok := s.planPublished[file]; ok && old == key || !ok && len(diags) == 0 {
			continue
		}
		if len(diags) == 0 {
			delete(s.planPublished, file)
		} else {
			s.planPublished[file] = key
		}
		params := protocol.PublishDiagnosticsParams{URI: pathToURI(file), Diagnostics: diags}
		if v, ok := versions[file]; ok {
			uv := protocol.UInteger(v)
			params.Version = &uv
		}
		s.notify(protocol.ServerTextDocumentPublishDiagnostics, params)
	}
}

// planDiagnostics validates one plan file.
func (s *Server) planDiagnostics(file string) []protocol.Diagnostic {
	data, err := s.content(file)
	if errors.Is(err, os.ErrNotExist) {
		return nil
	}
	if err == nil {
		_, err = plan.ParseOver(file, data, plan.Default())
	}
	if err == nil {
		return nil
	}
	m := newMapper(data)
	severity := protocol.DiagnosticSeverityError
	source := "perfvet"
	mk := func(line, col int, msg string) protocol.Diagnostic {
		rng := protocol.Range{}
		if line > 0 {
			start := m.runeOffset(line-1, max(col-1, 0))
			end := tokenEnd(m, start)
			if col <= 0 {
				start = m.lines[min(line-1, len(m.lines)-1)]
			}
			rng = protocol.Range{Start: m.position(start), End: m.position(end)}
		} else {
			rng.End = m.position(m.lineEnd(0))
		}
		return protocol.Diagnostic{
			Range:    rng,
			Severity: &severity,
			Code:     &protocol.IntegerOrString{Value: "plan"},
			Source:   &source,
			Message:  msg + "; perfvet analyses nothing under this plan until it is fixed",
		}
	}
	var list plan.ErrorList
	if !errors.As(err, &list) {
		return []protocol.Diagnostic{mk(0, 0, fmt.Sprint(err))}
	}
	var diags []protocol.Diagnostic
	for _, e := range list {
		diags = append(diags, mk(e.Line, e.Col, e.Msg))
	}
	return diags
}

// tokenEnd returns the end of the YAML token starting at offset: the next
// blank or delimiter, or the end of the line if that leaves it empty.
func tokenEnd(m *mapper, offset int) int {
	eol := m.lineEnd(offset)
	end := offset
	for end < eol && !strings.ContainsRune(" \t:,[]{}#\r", rune(m.src[end])) {
		end++
	}
	if end == offset {
		end = eol
		for end > offset && (m.src[end-1] == ' ' || m.src[end-1] == '\t' || m.src[end-1] == '\r') {
			end--
		}
	}
	return end
}

// applyChange applies a ranged content change to text.
func applyChange(text []byte, c protocol.TextDocumentContentChangeEvent) []byte {
	if c.Range == nil {
		return []byte(c.Text)
	}
	m := newMapper(text)
	start, end := m.offset(c.Range.Start), m.offset(c.Range.End)
	if end < start {
		start, end = end, start
	}
	out := make([]byte, 0, len(text)-(end-start)+len(c.Text))
	out = append(out, text[:start]...)
	out = append(out, c.Text...)
	return append(out, text[end:]...)
}

// offset converts an LSP position to a byte offset, clamped to the line.
func (m *mapper) offset(p protocol.Position) int {
	line := int(p.Line)
	if line >= len(m.lines) {
		return len(m.src)
	}
	off, eol := m.lines[line], m.lineEnd(m.lines[line])
	for units := int(p.Character); units > 0 && off < eol; {
		r, size := utf8.DecodeRune(m.src[off:])
		n := utf16.RuneLen(r)
		if n < 0 {
			n = 1
		}
		units -= n
		off += size
	}
	return off
}
