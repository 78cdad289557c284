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
	for _, conj := range p.conjuncts(where + 1) {
		kind, col := p.keyConjunct(conj)
		if kind > st.Key {
			st.Key, st.KeyColumn = kind, col
		}
	}
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

// conjuncts splits the WHERE clause starting at i on its top-level ANDs.
// A top-level OR makes the whole clause one conjunct, which pins nothing.
func (p *parser) conjuncts(i int) [][]token {
	toks := p.toks
	var out [][]token
	start, depth := i, 0
	between := false // BETWEEN a AND b: that AND is not a conjunction
	for ; i < len(toks); i++ {
		t := toks[i]
		if t.kind == punct {
			switch t.text {
			case "(":
				depth++
			case ")":
				depth--
				if depth < 0 {
					out = append(out, toks[start:i])
					return out
				}
			}
			continue
		}
		if depth > 0 || t.kind != word {
			continue
		}
		switch {
		case whereEnd[t.text]:
			return append(out, toks[start:i])
		case t.text == "OR":
			return nil
		case t.text == "BETWEEN":
			between = true
		case t.text == "AND" && between:
			between = false
		case t.text == "AND":
			out = append(out, toks[start:i])
			start = i + 1
		}
	}
	return append(out, toks[start:i])
}

// keyConjunct reads "col = v", "v = col", "col IN (v, ...)" and
// "col = ANY(v)", where v is a placeholder or a constant.
func (p *parser) keyConjunct(c []token) (KeyKind, string) {
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
				return NoKey, "" // IN (SELECT ...), IN (a.x, ...)
			}
		}
		return keyKind(col), col
	}
	return NoKey, ""
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
