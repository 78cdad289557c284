// Package sqltext reads the constant SQL text that programs pass to
// database libraries: the statement's verb (does it read or write?), the
// tables it names, its LIMIT (a constant or a placeholder), whether a
// SELECT aggregates and which key its WHERE clause pins, and sqlc's
// "-- name: X :many" header. It is a tokenizer with a little grammar, not
// a SQL parser: it never fails, and what it cannot tell it leaves empty.
// It knows the lexical rules of PostgreSQL, MySQL and SQLite that matter
// here: -- and /* */ comments, quoted strings and identifiers, dollar
// quoting, and the placeholders $1, ?, :name and @name.
package sqltext

import (
	"strconv"
	"strings"
)

// A Statement is what the text of one SQL statement says.
type Statement struct {
	// Verb is the upper-case first keyword of the statement: SELECT,
	// INSERT, UPDATE, DELETE, MERGE, REPLACE, CREATE, CALL... For a WITH
	// query it is the verb of the main statement after the common table
	// expressions. "" if the text starts with no keyword.
	Verb string
	// ModifyingCTE: a common table expression of a WITH query inserts,
	// updates or deletes (WITH moved AS (DELETE ... RETURNING *) SELECT ...).
	ModifyingCTE bool
	// Tables are the tables named after FROM, JOIN, INTO, UPDATE, USING
	// and TABLE, in order of appearance, without duplicates, as written
	// (schema-qualified names keep their schema; quotes are removed).
	Tables []string
	// Limit is the outermost statement's row limit (LIMIT n, LIMIT $1,
	// FETCH FIRST n ROWS ONLY, TOP n, or MySQL's LIMIT offset, n); nil if
	// there is none or it is LIMIT ALL.
	Limit *Limit
	// Offset: the outermost statement skips rows (OFFSET, or LIMIT a, b).
	Offset bool
	// Aggregate: a SELECT whose select list calls an aggregate function
	// (count(*), sum(x)) at its top level.
	Aggregate bool
	// Combines: the statement joins (JOIN), groups (GROUP BY, HAVING),
	// nests a query ("(SELECT") or unites queries (UNION, INTERSECT,
	// EXCEPT), at any depth; words in string literals and quoted
	// identifiers do not count.
	Combines bool
	// Key says how the outermost WHERE clause pins the rows of a SELECT to
	// a key, and KeyColumn names the column (see KeyKind).
	Key       KeyKind
	KeyColumn string
	// Name and Command come from sqlc's header comment
	// "-- name: GetAuthor :one".
	Name    string
	Command string
}

// A Limit is a row limit: a constant, or a placeholder the caller binds.
type Limit struct {
	Value       int64  // the constant; -1 for a placeholder or an expression
	Placeholder string // "$1", "?", ":limit", "@limit"; "" for a constant or an expression
	// Ordinal is the 1-based position of a positional placeholder among
	// the statement's arguments: n for $n, the count of ?s up to this one
	// for ?; 0 for a named placeholder, a constant or an expression.
	Ordinal int
}

// Writes reports whether the statement changes data or schema.
func (s Statement) Writes() bool {
	switch s.Verb {
	case "INSERT", "UPDATE", "DELETE", "MERGE", "REPLACE", "UPSERT", "TRUNCATE",
		"CREATE", "DROP", "ALTER", "GRANT", "REVOKE", "COPY", "CALL", "DO", "LOCK", "VACUUM":
		return true
	}
	return s.ModifyingCTE
}

// Reads reports whether the statement is a query that returns rows and
// changes nothing: SELECT, a read-only WITH query, VALUES, TABLE, SHOW,
// EXPLAIN.
func (s Statement) Reads() bool {
	switch s.Verb {
	case "SELECT", "VALUES", "TABLE", "SHOW", "EXPLAIN", "DESCRIBE", "PRAGMA":
		return !s.ModifyingCTE
	}
	return false
}

// Parse reads the first statement of a SQL text.
func Parse(text string) Statement {
	var st Statement
	st.Name, st.Command = sqlcHeader(text)
	toks := tokenize(text)
	if i := indexOf(toks, ";"); i >= 0 {
		toks = toks[:i]
	}
	p := &parser{toks: toks}
	p.statement(&st)
	st.Combines = combines(toks)
	return st
}

// combines reports whether the tokens join, group, nest or unite queries
// (see Statement.Combines).
func combines(toks []token) bool {
	for i, t := range toks {
		if t.kind == punct && t.text == "(" && i+1 < len(toks) && toks[i+1].kind == word && toks[i+1].text == "SELECT" {
			return true
		}
		if t.kind != word {
			continue
		}
		switch t.text {
		case "JOIN", "HAVING", "UNION", "INTERSECT", "EXCEPT":
			return true
		case "GROUP":
			if i+1 < len(toks) && toks[i+1].kind == word && toks[i+1].text == "BY" {
				return true
			}
		}
	}
	return false
}

// ---- sqlc header ----

// sqlcHeader returns the name and command of sqlc's "-- name: X :cmd"
// comment, if the text has one.
func sqlcHeader(text string) (name, command string) {
	for _, line := range strings.Split(text, "\n") {
		line = strings.TrimSpace(line)
		rest, ok := strings.CutPrefix(line, "--")
		if !ok {
			if line != "" {
				return "", ""
			}
			continue
		}
		rest = strings.TrimSpace(rest)
		rest, ok = strings.CutPrefix(rest, "name:")
		if !ok {
			continue
		}
		f := strings.Fields(rest)
		if len(f) >= 2 && strings.HasPrefix(f[1], ":") {
			return f[0], f[1]
		}
		if len(f) == 1 {
			return f[0], ""
		}
	}
	return "", ""
}

// ---- tokens ----

type kind int

const (
	word  kind = iota // keyword or identifier, unquoted
	ident             // quoted identifier
	number
	str   // string literal
	param // placeholder
	punct // ( ) , . and operators
)

type token struct {
	kind kind
	text string // upper-cased for words
	raw  string // as written (without quotes for identifiers)
}

func tokenize(s string) []token {
	var toks []token
	for i := 0; i < len(s); {
		c := s[i]
		switch {
		case c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f':
			i++
		case c == '-' && i+1 < len(s) && s[i+1] == '-':
			for i < len(s) && s[i] != '\n' {
				i++
			}
		case c == '#' && (i+1 >= len(s) || s[i+1] == ' '):
			// MySQL comment.
			for i < len(s) && s[i] != '\n' {
				i++
			}
		case c == '/' && i+1 < len(s) && s[i+1] == '*':
			end := strings.Index(s[i+2:], "*/")
			if end < 0 {
				return toks
			}
			i += end + 4
		case c == '\'':
			j := skipQuoted(s, i, '\'')
			toks = append(toks, token{kind: str, text: s[i:j], raw: s[i:j]})
			i = j
		case c == '"' || c == '`' || c == '[':
			closer := c
			if c == '[' {
				closer = ']'
			}
			j := skipQuoted(s, i, closer)
			inner := s[i+1 : max(i+1, j-1)]
			toks = append(toks, token{kind: ident, text: strings.ToUpper(inner), raw: inner})
			i = j
		case c == '$' && i+1 < len(s) && isDigit(s[i+1]):
			j := i + 1
			for j < len(s) && isDigit(s[j]) {
				j++
			}
			toks = append(toks, token{kind: param, text: s[i:j], raw: s[i:j]})
			i = j
		case c == '$':
			// Dollar quoting: $$...$$ or $tag$...$tag$.
			j := i + 1
			for j < len(s) && isWordByte(s[j]) {
				j++
			}
			if j < len(s) && s[j] == '$' {
				tag := s[i : j+1]
				end := strings.Index(s[j+1:], tag)
				if end < 0 {
					return toks
				}
				toks = append(toks, token{kind: str, text: "$$", raw: "$$"})
				i = j + 1 + end + len(tag)
				continue
			}
			toks = append(toks, token{kind: punct, text: "$", raw: "$"})
			i++
		case c == '?':
			toks = append(toks, token{kind: param, text: "?", raw: "?"})
			i++
		case (c == ':' || c == '@') && i+1 < len(s) && isWordStart(s[i+1]) && (i == 0 || s[i-1] != ':'):
			j := i + 1
			for j < len(s) && isWordByte(s[j]) {
				j++
			}
			toks = append(toks, token{kind: param, text: s[i:j], raw: s[i:j]})
			i = j
		case isDigit(c):
			j := i
			for j < len(s) && (isDigit(s[j]) || s[j] == '.' || s[j] == '_') {
				j++
			}
			toks = append(toks, token{kind: number, text: s[i:j], raw: s[i:j]})
			i = j
		case isWordStart(c):
			j := i
			for j < len(s) && isWordByte(s[j]) {
				j++
			}
			toks = append(toks, token{kind: word, text: strings.ToUpper(s[i:j]), raw: s[i:j]})
			i = j
		default:
			toks = append(toks, token{kind: punct, text: string(c), raw: string(c)})
			i++
		}
	}
	return toks
}

// skipQuoted returns the index after the quoted run starting at s[i],
// where a doubled closer stands for itself.
func skipQuoted(s string, i int, closer byte) int {
	j := i + 1
	for j < len(s) {
		if s[j] == closer {
			if j+1 < len(s) && s[j+1] == closer {
				j += 2
				continue
			}
			return j + 1
		}
		if s[j] == '\\' && closer == '\'' && j+1 < len(s) {
			j += 2
			continue
		}
		j++
	}
	return len(s)
}

func isDigit(c byte) bool { return '0' <= c && c <= '9' }
func isWordStart(c byte) bool {
	return c == '_' || 'a' <= c && c <= 'z' || 'A' <= c && c <= 'Z' || c >= 0x80
}
func isWordByte(c byte) bool { return isWordStart(c) || isDigit(c) }

func indexOf(toks []token, punctText string) int {
	for i, t := range toks {
		if t.kind == punct && t.text == punctText {
			return i
		}
	}
	return -1
}

// ---- grammar ----

type parser struct {
	toks []token
}

// statement fills st from the tokens.
func (p *parser) statement(st *Statement) {
	toks := p.toks
	start := 0
	// Skip leading parentheses: (SELECT ...) UNION (SELECT ...).
	for start < len(toks) && toks[start].kind == punct && toks[start].text == "(" {
		start++
	}
	if start >= len(toks) || toks[start].kind != word {
		return
	}
	st.Verb = toks[start].text
	main := start
	if st.Verb == "WITH" {
		main = p.skipCTEs(start+1, st)
		st.Verb = ""
		if main < len(toks) && toks[main].kind == word {
			st.Verb = toks[main].text
		}
	}
	p.tables(st)
	p.limit(main, st)
	p.selectShape(main, st)
}

// skipCTEs returns the index of the main statement after WITH's common
// table expressions, noting data-modifying ones.
func (p *parser) skipCTEs(i int, st *Statement) int {
	toks := p.toks
	if i < len(toks) && toks[i].kind == word && toks[i].text == "RECURSIVE" {
		i++
	}
	for i < len(toks) {
		// name [(columns)] AS [NOT] [MATERIALIZED] ( body )
		i++ // the name
		if i < len(toks) && toks[i].text == "(" {
			i = p.closeParen(i)
		}
		for i < len(toks) && toks[i].kind == word && (toks[i].text == "AS" || toks[i].text == "NOT" || toks[i].text == "MATERIALIZED") {
			i++
		}
		if i >= len(toks) || toks[i].text != "(" {
			return i
		}
		if i+1 < len(toks) && toks[i+1].kind == word {
			switch toks[i+1].text {
			case "INSERT", "UPDATE", "DELETE", "MERGE":
				st.ModifyingCTE = true
			}
		}
		i = p.closeParen(i)
		if i < len(toks) && toks[i].text == "," {
			i++
			continue
		}
		return i
	}
	return i
}

// closeParen returns the index after the parenthesis that closes the one
// at i.
func (p *parser) closeParen(i int) int {
	depth := 0
	for ; i < len(p.toks); i++ {
		switch p.toks[i].text {
		case "(":
			if p.toks[i].kind == punct {
				depth++
			}
		case ")":
			if p.toks[i].kind == punct {
				depth--
				if depth == 0 {
					return i + 1
				}
			}
		}
	}
	return i
}

// tableKeywords are the keywords a table name follows.
var tableKeywords = map[string]bool{"FROM": true, "JOIN": true, "INTO": true, "UPDATE": true, "USING": true, "TABLE": true}

// notTables are words that may follow those keywords and are not names.
var notTables = map[string]bool{
	"ONLY": true, "LATERAL": true, "SELECT": true, "UNNEST": true, "IF": true, "EXISTS": true, "NOT": true,
	"SET": true, "WHERE": true, "VALUES": true, "DEFAULT": true, "ON": true, "AS": true, "IGNORE": true,
}

func (p *parser) tables(st *Statement) {
	toks := p.toks
	seen := make(map[string]bool)
	add := func(name string) {
		if name != "" && !seen[name] {
			seen[name] = true
			st.Tables = append(st.Tables, name)
		}
	}
	for i := 0; i < len(toks); i++ {
		t := toks[i]
		if t.kind != word || !tableKeywords[t.text] {
			continue
		}
		if t.text == "FROM" && (i > 0 && toks[i-1].kind == word && (toks[i-1].text == "DISTINCT" || toks[i-1].text == "IS") || p.inFunctionCall(i)) {
			continue // IS DISTINCT FROM, EXTRACT(YEAR FROM x)
		}
		if t.text == "UPDATE" && i > 0 && toks[i-1].kind == word && (toks[i-1].text == "FOR" || toks[i-1].text == "DO" || toks[i-1].text == "KEY") {
			continue // FOR UPDATE, ON CONFLICT DO UPDATE, ON DUPLICATE KEY UPDATE
		}
		j := i + 1
		for {
			for j < len(toks) && toks[j].kind == word && (toks[j].text == "ONLY" || toks[j].text == "IGNORE") {
				j++
			}
			name, next := p.qualifiedName(j)
			if name == "" {
				break
			}
			add(name)
			j = next
			// An alias: [AS] name.
			if j < len(toks) && toks[j].kind == word && toks[j].text == "AS" {
				j += 2
			} else if j < len(toks) && (toks[j].kind == ident || toks[j].kind == word && !isClauseWord(toks[j].text)) {
				j++
			}
			// FROM a, b: more tables.
			if t.text != "FROM" || j >= len(toks) || toks[j].text != "," {
				break
			}
			j++
		}
	}
}

// inFunctionCall reports whether the token at i is inside the
// parentheses of EXTRACT, SUBSTRING, TRIM, OVERLAY or POSITION, whose
// arguments use FROM.
func (p *parser) inFunctionCall(i int) bool {
	depth := 0
	for j := i - 1; j >= 0; j-- {
		t := p.toks[j]
		if t.kind != punct {
			continue
		}
		switch t.text {
		case ")":
			depth++
		case "(":
			if depth > 0 {
				depth--
				continue
			}
			if j == 0 || p.toks[j-1].kind != word {
				return false
			}
			switch p.toks[j-1].text {
			case "EXTRACT", "SUBSTRING", "TRIM", "OVERLAY", "POSITION":
				return true
			}
			return false
		}
	}
	return false
}

// qualifiedName reads schema.table at i; "" if there is no name there.
func (p *parser) qualifiedName(i int) (string, int) {
	toks := p.toks
	var parts []string
	for i < len(toks) {
		t := toks[i]
		if t.kind == ident || t.kind == word && (len(parts) > 0 || !notTables[t.text] && !isClauseWord(t.text)) {
			parts = append(parts, t.raw)
			i++
			if i+1 < len(toks) && toks[i].kind == punct && toks[i].text == "." {
				i++
				continue
			}
		}
		break
	}
	return strings.Join(parts, "."), i
}

// isClauseWord reports whether a word starts a clause, and so cannot be a
// table alias.
func isClauseWord(w string) bool {
	switch w {
	case "WHERE", "JOIN", "INNER", "LEFT", "RIGHT", "FULL", "OUTER", "CROSS", "NATURAL", "ON", "USING",
		"GROUP", "ORDER", "HAVING", "LIMIT", "OFFSET", "FETCH", "UNION", "EXCEPT", "INTERSECT", "WINDOW",
		"SET", "VALUES", "SELECT", "RETURNING", "FOR", "DEFAULT", "WHEN", "THEN", "AND", "OR", "AS", "TOP":
		return true
	}
	return false
}

// limit finds the row limit of the outermost statement.
func (p *parser) limit(main int, st *Statement) {
	toks := p.toks
	depth := 0
	for i := main; i < len(toks); i++ {
		t := toks[i]
		if t.kind == punct {
			switch t.text {
			case "(":
				depth++
			case ")":
				depth--
			}
			continue
		}
		if depth > 0 || t.kind != word {
			continue
		}
		switch t.text {
		case "LIMIT":
			if i+1 < len(toks) && toks[i+1].kind == word && toks[i+1].text == "ALL" {
				continue
			}
			l, next := p.limitValue(i + 1)
			// MySQL: LIMIT offset, count.
			if next < len(toks) && toks[next].text == "," {
				st.Offset = true
				l, _ = p.limitValue(next + 1)
			}
			st.Limit = l
		case "OFFSET":
			st.Offset = true
		case "FETCH":
			// FETCH FIRST|NEXT [n] ROW|ROWS ONLY
			j := i + 1
			if j < len(toks) && (toks[j].text == "FIRST" || toks[j].text == "NEXT") {
				j++
			}
			if j < len(toks) && (toks[j].text == "ROW" || toks[j].text == "ROWS") {
				st.Limit = &Limit{Value: 1}
				continue
			}
			st.Limit, _ = p.limitValue(j)
		case "TOP":
			if i == main+1 || i == main+2 && toks[main+1].text == "DISTINCT" {
				// SELECT TOP 3 * FROM t: what follows is the select list.
				st.Limit = p.operand(i + 1)
			}
		}
	}
}

// operand reads a constant or placeholder at i.
func (p *parser) operand(i int) *Limit {
	l := &Limit{Value: -1}
	if i >= len(p.toks) {
		return l
	}
	switch t := p.toks[i]; t.kind {
	case number:
		if v, err := strconv.ParseInt(t.text, 10, 64); err == nil {
			l.Value = v
		}
	case param:
		l.Placeholder = t.text
		l.Ordinal = p.ordinal(i)
	}
	return l
}

// limitValue reads a LIMIT operand at i.
func (p *parser) limitValue(i int) (*Limit, int) {
	toks := p.toks
	if i >= len(toks) {
		return &Limit{Value: -1}, i
	}
	paren := false
	if toks[i].text == "(" && toks[i].kind == punct {
		paren = true
		i++
	}
	if i >= len(toks) {
		return &Limit{Value: -1}, i
	}
	t := toks[i]
	l := &Limit{Value: -1}
	switch t.kind {
	case number:
		if v, err := strconv.ParseInt(strings.ReplaceAll(t.text, "_", ""), 10, 64); err == nil {
			l.Value = v
		}
	case param:
		l.Placeholder = t.text
		l.Ordinal = p.ordinal(i)
	}
	i++
	if paren && i < len(toks) && toks[i].text == ")" {
		i++
	}
	// An expression (LIMIT $1 + 1, LIMIT 10 * 2) is not a plain value.
	if i < len(toks) && toks[i].kind == punct && isArithmetic(toks[i].text) {
		return &Limit{Value: -1}, i
	}
	return l, i
}

func isArithmetic(op string) bool {
	switch op {
	case "+", "-", "*", "/", "%":
		return true
	}
	return false
}
