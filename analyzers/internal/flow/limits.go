package flow

import "strings"

// The limits every analyzer's summaries obey, in one place.
//
// Summaries inside a package are computed to a fixed point: a function's
// summary depends on its callees', so the package's functions are
// recomputed round after round until none changes. Each round brings
// what one more level of helpers does, so a chain of n helpers settles in
// about n rounds whatever the order. MaxRounds cuts the chains deeper
// than that, rather than following a summary that never settles: a cut
// costs the deepest round trips of the package. Across packages
// there is no fixed point: facts flow once, from a package to its
// importers, in import order.
//
// Chains of calls named in messages ("a → b → … → (*sql.DB).QueryContext")
// are cut at MaxChain steps: a reader needs the first calls, which say
// where to look, and the last, which says what runs; the middle is in the
// related positions. Facts carry the cut chain, so its length also bounds
// what facts weigh.

// MaxRounds bounds a fixed point over a package's functions.
const MaxRounds = 8

// Rounds runs round until it reports that nothing changed, at most
// MaxRounds times.
func Rounds(round func() (changed bool)) {
	for range MaxRounds {
		if !round() {
			return
		}
	}
}

// MaxChain bounds the calls a chain names.
const MaxChain = 4

// Chain prefixes a step to the chain of calls below it, cutting the chain
// to "step → …" once below names MaxChain calls or more.
func Chain(step, below string) string {
	switch {
	case step == "":
		return below
	case below == "":
		return step
	case strings.Count(below, "→") >= MaxChain-1:
		return step + " → …"
	}
	return step + " → " + below
}

// Shorten keeps the first calls of a chain and its last step, at most max
// steps: "a → b → … → (*sql.DB).QueryContext". Messages that end in what
// the chain runs (a query, a round trip) use it rather than Chain, whose
// cut drops the end.
func Shorten(via string, max int) string {
	steps := strings.Split(via, " → ")
	if len(steps) <= max {
		return via
	}
	kept := make([]string, 0, max)
	kept = append(kept, steps[:max-2]...)
	kept = append(kept, "…", steps[len(steps)-1])
	return strings.Join(kept, " → ")
}
