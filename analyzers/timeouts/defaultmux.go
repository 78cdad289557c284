package timeouts

import (
	"go/token"
	"slices"
	"strings"

	"golang.org/x/tools/go/analysis"

	wp "github.com/perfvet/perfvet/analyzers/internal/reach"
)

// A server started with a nil handler serves http.DefaultServeMux, which
// holds what the whole program registers there: its own handlers
// (http.HandleFunc in any package) and those its imports register as
// they start (net/http/pprof, expvar). When no package of the program
// registers a handler of its own there, the server is the operator's
// profiler or a placeholder, opt-in and reached by the operator only
// (dendrite's and syncthing's pprof listeners, distribution's debug
// server, maddy's profiler endpoint: judged false when reported), and
// a profile or a trace streams for as long as it is asked to, which a
// WriteTimeout would cut.
//
// Only a driver that sees the whole program and says which packages
// import which (the perfvet command) decides so. A package that starts
// such a server and sees no registration of the program's own, in
// itself or its dependencies, holds the finding (heldMuxServersFact);
// a package that no package of the run imports (a program's main)
// reports what the packages it imports hold when any package it sees
// registers a handler of its own there (defaultMuxFact), and drops it
// otherwise. Other drivers report the server where it is.

// A defaultMuxFact says that a package registers a handler of the
// program's own (not a probe, not an operators' handler) on
// http.DefaultServeMux.
type defaultMuxFact struct{}

func (*defaultMuxFact) AFact() {}

func (*defaultMuxFact) String() string { return "registers on http.DefaultServeMux" }

// A heldMuxServersFact holds a package's findings on servers of
// http.DefaultServeMux for the programs that import it to decide.
type heldMuxServersFact struct{ Found []wp.Found }

func (*heldMuxServersFact) AFact() {}

func (f *heldMuxServersFact) String() string {
	keys := make([]string, len(f.Found))
	for i, x := range f.Found {
		keys[i] = x.Key
	}
	return "holds default-mux servers " + strings.Join(keys, " ")
}

// servesDefaultMux records that the call at pos serves
// http.DefaultServeMux (a nil handler).
func (c *checker) servesDefaultMux(pos token.Pos) {
	if c.muxServes == nil {
		c.muxServes = make(map[token.Pos]bool)
	}
	c.muxServes[pos] = true
}

// decidesDefaultMux reports whether this driver decides on servers of the
// default mux by the whole program (see above), for this package.
func (c *checker) decidesDefaultMux() bool {
	return c.cfg.WholeProgram && c.cfg.Imported != nil && !c.dependency()
}

// holdsMuxServer holds a finding on a server of http.DefaultServeMux
// that no registration seen so far puts a handler of the program's own
// on, and reports whether it did. A finding grouped with other servers
// of its function stands for them and is not held.
func (c *checker) holdsMuxServer(d analysis.Diagnostic) bool {
	if !c.muxServes[d.Pos] || len(d.Related) > 0 || !c.decidesDefaultMux() || c.programMuxSeen() {
		return false
	}
	if c.pass.Suppressed != nil && c.pass.Suppressed(d) {
		return true // its package's directive: the program cannot see it
	}
	f, ok := wp.FoundOf(c.pass.Fset, "", d)
	if !ok {
		return false
	}
	f.Key = f.Site.Key()
	c.muxHeld = append(c.muxHeld, f)
	return true
}

// programMuxSeen reports whether this package or one it sees registers
// a handler of the program's own on http.DefaultServeMux.
func (c *checker) programMuxSeen() bool {
	if _, others := c.defaultMuxRegistrations(); others {
		return true
	}
	for _, pf := range c.pass.AllPackageFacts() {
		if _, ok := pf.Fact.(*defaultMuxFact); ok {
			return true
		}
	}
	return false
}

// concludeDefaultMux exports whether the package registers handlers of
// its own on the default mux and the servers it holds; a package that
// no package of the run imports decides on what it and its dependencies
// hold.
func (c *checker) concludeDefaultMux() {
	if !c.decidesDefaultMux() {
		return
	}
	if _, others := c.defaultMuxRegistrations(); others {
		c.pass.ExportPackageFact(new(defaultMuxFact))
	}
	if c.cfg.Imported(c.pass.Pkg.Path()) {
		if len(c.muxHeld) > 0 {
			c.pass.ExportPackageFact(&heldMuxServersFact{Found: c.muxHeld})
		}
		return
	}
	if !c.programMuxSeen() {
		return // only what the program's imports register: the operator's
	}
	held := slices.Clone(c.muxHeld)
	for _, pf := range c.pass.AllPackageFacts() {
		if f, ok := pf.Fact.(*heldMuxServersFact); ok && pf.Package != c.pass.Pkg {
			held = append(held, f.Found...)
		}
	}
	slices.SortFunc(held, func(a, b wp.Found) int { return strings.Compare(a.Key, b.Key) })
	wp.ReportFound(wp.NewFiles(c.pass.Fset), held, c.pass.Report)
}
