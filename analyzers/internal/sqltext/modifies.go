package sqltext

// Modified returns the table whose existing rows a statement changes:
// the target of UPDATE, DELETE, MERGE, REPLACE and TRUNCATE, and of an
// INSERT that updates on conflict (ON CONFLICT ... DO UPDATE, ON DUPLICATE
// KEY UPDATE). A plain INSERT adds rows and changes none: it returns "".
// The name is as written, schema included, quotes removed. For a WITH
// query the main statement decides; a data-modifying common table
// expression is not looked into. SQLite's INSERT OR REPLACE replaces rows.
func Modified(text string) string {
	toks := tokenize(text)
	if i := indexOf(toks, ";"); i >= 0 {
		toks = toks[:i]
	}
	p := &parser{toks: toks}
	st := Statement{}
	p.statement(&st)
	main := 0
	for main < len(toks) && toks[main].kind == punct && toks[main].text == "(" {
		main++
	}
	if main < len(toks) && toks[main].kind == word && toks[main].text == "WITH" {
		main = p.skipCTEs(main+1, &st)
	}
	if main >= len(toks) || toks[main].kind != word {
		return ""
	}
	switch toks[main].text {
	case "UPDATE":
		return p.targetAfter(main + 1)
	case "DELETE", "MERGE", "REPLACE", "TRUNCATE":
		// DELETE [FROM] t, MERGE INTO t, REPLACE [INTO] t, TRUNCATE [TABLE] t.
		i := main + 1
		for i < len(toks) && toks[i].kind == word && (toks[i].text == "FROM" || toks[i].text == "INTO" || toks[i].text == "TABLE") {
			i++
		}
		return p.targetAfter(i)
	case "INSERT", "UPSERT":
		orReplace := main+2 < len(toks) && toks[main+1].text == "OR" && toks[main+2].text == "REPLACE"
		if toks[main].text == "INSERT" && !orReplace && !p.updatesOnConflict(main) {
			return ""
		}
		i := main + 1
		for i < len(toks) && toks[i].kind == word && (toks[i].text == "INTO" || toks[i].text == "IGNORE" || toks[i].text == "OR" || toks[i].text == "REPLACE") {
			i++
		}
		return p.targetAfter(i)
	}
	return ""
}

// targetAfter reads the table name at i, after ONLY or IGNORE.
func (p *parser) targetAfter(i int) string {
	for i < len(p.toks) && p.toks[i].kind == word && (p.toks[i].text == "ONLY" || p.toks[i].text == "IGNORE" || p.toks[i].text == "LOW_PRIORITY") {
		i++
	}
	name, _ := p.qualifiedName(i)
	return name
}

// updatesOnConflict reports whether an INSERT updates existing rows: ON
// CONFLICT ... DO UPDATE, or MySQL's ON DUPLICATE KEY UPDATE.
func (p *parser) updatesOnConflict(from int) bool {
	for i := from; i+1 < len(p.toks); i++ {
		t := p.toks[i]
		if t.kind != word || p.toks[i+1].kind != word || p.toks[i+1].text != "UPDATE" {
			continue
		}
		if t.text == "DO" || t.text == "KEY" {
			return true
		}
	}
	return false
}
