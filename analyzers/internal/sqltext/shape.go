package sqltext

import "strings"

// This file reads what decides whether a SELECT can return a whole
// table: an aggregate select list, and a WHERE clause that pins the rows to
// one key.

// A KeyKind says how a WHERE clause pins the rows a query reads.
type KeyKind uint8

// Kinds of keys.
const (
	// NoKey: no conjunct of the WHERE clause compares a key column with a
	// value (or there is no WHERE clause).
	NoKey KeyKind = iota
	// ParentKey: a conjunct compares a column named like a foreign key
	// (order_id, orderId) with a value, a list or ANY($n): the rows are a
	// child collection of one parent (or of a bounded set of parents).
	ParentKey
	// Lookup: a conjunct compares another column with a placeholder
	// (email = $1, name = :name): a lookup by a value the caller chose,
	// which may or may not be unique. Comparing it with a constant
	// (status = 'pending') is a filter, which pins nothing.
	Lookup
	// UniqueKey: a conjunct compares a primary-key-like column (id, uuid)
	// with a value, a list or ANY($n): at most as many rows as values.
	UniqueKey
)

// pinned is a value a key may be compared with: a placeholder, a
// constant.
func pinned(t token) bool { return t.kind == param || t.kind == number || t.kind == str }

// selectShape fills Aggregate, Key and KeyColumn for a SELECT.
func (p *parser) selectShape(main int, st *Statement) {
	if st.Verb != "SELECT" || main >= len(p.toks) {
		return
	}
	st.Aggregate = p.aggregateList(main + 1)
	where := p.topLevel(main, "WHERE")
	if where < 0 {
		return
	}
	st.Key, st.KeyColumn = boolKey(p.whereClause(where+1), 0)
}

// aggregates are the functions that fold rows into one value.
var aggregates = map[string]bool{
	"COUNT": true, "SUM": true, "AVG": true, "MIN": true, "MAX": true, "BOOL_AND": true, "BOOL_OR": true,
	"EVERY": true, "ARRAY_AGG": true, "STRING_AGG": true, "GROUP_CONCAT": true, "JSON_AGG": true,
	"JSONB_AGG": true, "JSON_OBJECT_AGG": true, "JSONB_OBJECT_AGG": true, "BIT_AND": true, "BIT_OR": true,
}

// aggregateList reports whether the select list starting at i calls an
// aggregate function at its top level.
func (p *parser) aggregateList(i int) bool {
	toks := p.toks
	depth := 0
	for ; i < len(toks); i++ {
		t := toks[i]
		switch {
		case t.kind == punct && t.text == "(":
			depth++
		case t.kind == punct && t.text == ")":
			depth--
		case depth == 0 && t.kind == word && t.text == "FROM":
			return false
		case depth == 0 && t.kind == word && aggregates[t.text] && i+1 < len(toks) && toks[i+1].text == "(":
			return true
		}
	}
	return false
}

// topLevel returns the index of the keyword kw at the outermost level of
// the statement starting at main, or -1.
func (p *parser) topLevel(main int, kw string) int {
	depth := 0
	for i := main; i < len(p.toks); i++ {
		t := p.toks[i]
		switch {
		case t.kind == punct && t.text == "(":
			depth++
		case t.kind == punct && t.text == ")":
			depth--
		case depth == 0 && t.kind == word && t.text == kw:
			return i
		}
	}
	return -1
}

// whereEnd are the words that end a WHERE clause.
var whereEnd = map[string]bool{
	"GROUP": true, "ORDER": true, "LIMIT": true, "OFFSET": true, "FETCH": true, "HAVING": true, "WINDOW": true,
	"UNION": true, "EXCEPT": true, "INTERSECT": true, "FOR": true, "RETURNING": true,
}

// whereClause returns the tokens of the WHERE clause starting at i: up to
// the word that ends it, or the parenthesis that closes the subquery it
// belongs to.
func (p *parser) whereClause(i int) []token {
	toks := p.toks
	start, depth := i, 0
	for ; i < len(toks); i++ {
		t := toks[i]
		switch {
		case t.kind == punct && t.text == "(":
			depth++
		case t.kind == punct && t.text == ")":
			depth--
			if depth < 0 {
				return toks[start:i]
			}
		case depth == 0 && t.kind == word && whereEnd[t.text]:
			return toks[start:i]
		}
	}
	return toks[start:]
}

// maxBoolDepth bounds the nesting of parentheses and boolean operators
// that boolKey follows; deeper expressions pin nothing.
const maxBoolDepth = 32

// boolKey says how the boolean expression c pins the rows it filters. A
// conjunction (a AND b) pins as tightly as its tightest conjunct; a
// disjunction (a OR b) only as tightly as its loosest disjunct, and not at
// all if one disjunct pins nothing; parentheses are looked through.
func boolKey(c []token, depth int) (KeyKind, string) {
	if depth > maxBoolDepth || len(c) == 0 {
		return NoKey, ""
	}
	c = stripParens(c)
	if ors := splitTop(c, "OR"); len(ors) > 1 {
		kind, col := UniqueKey, ""
		for _, d := range ors {
			k, dc := boolKey(d, depth+1)
			if k < kind || col == "" {
				if k < kind {
					kind = k
				}
				col = dc
			}
			if k == NoKey {
				return NoKey, ""
			}
		}
		return kind, col
	}
	if ands := splitTop(c, "AND"); len(ands) > 1 {
		kind, col := NoKey, ""
		for _, a := range ands {
			if k, ac := boolKey(a, depth+1); k > kind {
				kind, col = k, ac
			}
		}
		return kind, col
	}
	if len(c) > 0 && c[0].kind == punct && c[0].text == "(" {
		return NoKey, "" // (a) = (b), a row comparison
	}
	if k, col := keyConjunct(c); k != NoKey {
		return k, col
	}
	return filterConjunct(c)
}

// stripParens removes parentheses that enclose the whole of c.
func stripParens(c []token) []token {
	for len(c) >= 2 && c[0].kind == punct && c[0].text == "(" && closing(c, 0) == len(c)-1 {
		if len(c) > 2 && c[1].kind == word && c[1].text == "SELECT" {
			break // a subquery, not a grouping
		}
		c = c[1 : len(c)-1]
	}
	return c
}

// closing returns the index in c of the parenthesis that closes the one
// at i, or -1.
func closing(c []token, i int) int {
	depth := 0
	for ; i < len(c); i++ {
		if c[i].kind != punct {
			continue
		}
		switch c[i].text {
		case "(":
			depth++
		case ")":
			depth--
			if depth == 0 {
				return i
			}
		}
	}
	return -1
}

// splitTop splits c on the top-level keyword op (AND or OR); an AND that
// belongs to BETWEEN a AND b does not split.
func splitTop(c []token, op string) [][]token {
	var out [][]token
	start, depth := 0, 0
	between := false
	for i, t := range c {
		if t.kind == punct {
			switch t.text {
			case "(":
				depth++
			case ")":
				depth--
			}
			continue
		}
		if depth != 0 || t.kind != word {
			continue
		}
		switch {
		case t.text == "BETWEEN":
			between = true
		case t.text == "AND" && between:
			between = false
		case t.text == op:
			out = append(out, c[start:i])
			start = i + 1
		}
	}
	return append(out, c[start:])
}

// keyConjunct reads "col = v", "v = col", "col IN (v, ...)",
// "col = ANY(v)" and "col IN (subquery)" or "col = (subquery)", where v is
// a placeholder or a constant and the subquery binds a placeholder.
func keyConjunct(c []token) (KeyKind, string) {
	col, rest := columnRef(c)
	if col == "" {
		// v = col
		if len(c) >= 3 && pinned(c[0]) && c[1].text == "=" {
			if col, rest = columnRef(c[2:]); col != "" && len(rest) == 0 {
				if k := keyKind(col); k != NoKey || c[0].kind != param {
					return k, col
				}
				return Lookup, col
			}
		}
		return NoKey, ""
	}
	switch {
	case len(rest) == 2 && rest[0].text == "=" && pinned(rest[1]):
		if k := keyKind(col); k != NoKey || rest[1].kind != param {
			return k, col
		}
		return Lookup, col
	case len(rest) >= 4 && rest[0].text == "=" && rest[1].kind == word && rest[1].text == "ANY" && rest[2].text == "(" && pinned(rest[3]):
		return keyKind(col), col
	case len(rest) >= 3 && rest[0].kind == word && rest[0].text == "IN" && rest[1].text == "(" && pinned(rest[2]):
		for _, t := range rest[2 : len(rest)-1] {
			if !pinned(t) && t.text != "," {
				return NoKey, "" // IN (a.x, ...)
			}
		}
		return keyKind(col), col
	case len(rest) >= 3 && (rest[0].text == "=" || rest[0].kind == word && rest[0].text == "IN") &&
		rest[1].text == "(" && closing(rest, 1) == len(rest)-1 && boundSubquery(rest[2:len(rest)-1]):
		// owner_id = (SELECT id FROM users WHERE name = ?): as many rows
		// as the caller's value selects.
		if k := keyKind(col); k != NoKey {
			return k, col
		}
		return Lookup, col
	}
	return NoKey, ""
}

// boundSubquery reports whether c is a SELECT that binds a placeholder.
func boundSubquery(c []token) bool {
	return len(c) > 0 && c[0].kind == word && c[0].text == "SELECT" && hasParam(c)
}

func hasParam(c []token) bool {
	for _, t := range c {
		if t.kind == param {
			return true
		}
	}
	return false
}

// comparisons are the operators and words of a comparison whose sides
// filter rows.
var comparisons = map[string]bool{
	"=": true, "<": true, ">": true, "!": true, "~": true,
	"LIKE": true, "ILIKE": true, "GLOB": true, "REGEXP": true, "SIMILAR": true, "BETWEEN": true, "IN": true, "MATCH": true,
}

// filterConjunct reads any other comparison whose one side is a value the
// caller binds (a placeholder, also inside a function call or a
// subquery) and whose other side reads a column: a range (created_at >
// $1), a pattern (name LIKE ?, ? LIKE topic), a function of the column
// (lower(email) = lower($1)). It is a lookup by the caller's value: the
// caller scopes the rows, even when the column is not a key. A comparison
// with constants only (status = 'active', deleted_at IS NULL) is a filter
// that pins nothing.
func filterConjunct(c []token) (KeyKind, string) {
	depth := 0
	for i, t := range c {
		if t.kind == punct && t.text == "(" {
			depth++
			continue
		}
		if t.kind == punct && t.text == ")" {
			depth--
			continue
		}
		if depth != 0 || !comparisons[t.text] || t.kind != punct && t.kind != word {
			continue
		}
		lhs, rhs := c[:i], c[i+1:]
		for len(rhs) > 0 && rhs[0].kind == punct && (rhs[0].text == "=" || rhs[0].text == ">" || rhs[0].text == "~" || rhs[0].text == "*") {
			rhs = rhs[1:] // the rest of <=, <>, !=, >=, !~, ~*
		}
		if col := readsColumn(lhs); col != "" && hasParam(rhs) {
			return Lookup, col
		}
		if col := readsColumn(rhs); col != "" && hasParam(lhs) {
			return Lookup, col
		}
		return NoKey, ""
	}
	return NoKey, ""
}

// readsColumn returns the last column c reads outside subqueries, or ""
// if it reads none: c is a column reference, or a function call or an
// expression over one.
func readsColumn(c []token) string {
	if boundSubquery(stripParens(c)) {
		return ""
	}
	col := ""
	for i, t := range c {
		if t.kind == ident || t.kind == word && !sqlWords[t.text] && (i+1 >= len(c) || c[i+1].text != "(") &&
			(i == 0 || c[i-1].text != ":") {
			col = t.raw
		}
		if t.kind == word && t.text == "SELECT" {
			return ""
		}
	}
	return col
}

// sqlWords are the keywords and literals that may appear in a comparison
// and are not columns.
var sqlWords = map[string]bool{
	"NOT": true, "NULL": true, "IS": true, "TRUE": true, "FALSE": true, "ESCAPE": true, "COLLATE": true,
	"NOCASE": true, "BINARY": true, "CAST": true, "AS": true, "ANY": true, "ALL": true, "SOME": true,
	"DISTINCT": true, "FROM": true, "CASE": true, "WHEN": true, "THEN": true, "ELSE": true, "END": true,
	"INTERVAL": true, "CURRENT_TIMESTAMP": true, "CURRENT_DATE": true, "CURRENT_TIME": true, "NOW": true,
	"TEXT": true, "INT": true, "INTEGER": true, "BIGINT": true, "UUID": true, "VARCHAR": true, "TIMESTAMP": true,
	"TIMESTAMPTZ": true, "DATE": true, "BOOLEAN": true, "BOOL": true, "JSONB": true, "JSON": true,
}

// columnRef reads [table.]column at the start of c.
func columnRef(c []token) (string, []token) {
	if len(c) == 0 || c[0].kind != word && c[0].kind != ident {
		return "", c
	}
	if c[0].kind == word && (c[0].text == "NOT" || aggregates[c[0].text]) {
		return "", c
	}
	col := c[0].raw
	c = c[1:]
	if len(c) >= 2 && c[0].text == "." && (c[1].kind == word || c[1].kind == ident) {
		col = c[1].raw
		c = c[2:]
	}
	if len(c) > 0 && c[0].text == "(" {
		return "", c // a function call
	}
	return col, c
}

// keyKind guesses from a column's name whether it is a primary key (id,
// uuid) or a foreign key (order_id, orderId, OrderID).
func keyKind(col string) KeyKind {
	lower := strings.ToLower(col)
	switch {
	case lower == "id" || lower == "uuid" || lower == "guid":
		return UniqueKey
	case strings.HasSuffix(lower, "_id") || strings.HasSuffix(lower, "_uuid") ||
		strings.HasSuffix(col, "Id") || strings.HasSuffix(col, "ID"):
		return ParentKey
	}
	return NoKey
}

// ordinal returns the 1-based argument position of the placeholder at i:
// n for $n, the number of ?s up to i for ?, 0 for a named one.
func (p *parser) ordinal(i int) int {
	t := p.toks[i]
	if n, ok := strings.CutPrefix(t.text, "$"); ok {
		v := 0
		for _, c := range n {
			v = v*10 + int(c-'0')
			if v > 1<<16 {
				return 0
			}
		}
		return v
	}
	if t.text != "?" {
		return 0
	}
	n := 0
	for _, u := range p.toks[:i+1] {
		if u.kind == param && u.text == "?" {
			n++
		}
	}
	return n
}
