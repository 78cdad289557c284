// Package testgc sets the garbage collector of the test binaries that
// load and analyse fixture modules, and of the perfvet processes the
// end-to-end tests run, so that `go test ./...` spends its CPU on the
// tests rather than on collecting garbage.
//
// Loading a module with go/packages (LoadAllSyntax: the standard library
// and the real libraries parsed and type-checked from source) and
// building SSA allocate much short-lived memory: at Go's default GOGC=100
// the collector took about a third of an analyzer test binary's CPU
// (analyzers/budget's TestRealLibraries and TestDemo: 28 CPU-seconds at
// GOGC=100, 18 at 400, peak RSS 2.0 GB both ways, since the peak is the
// loaded program that stays live). GOGC=400 with a 3 GiB soft memory limit
// trades memory that the live program's peak already needs for fewer
// collections; the limit makes the collector run as often as it must
// when a heap grows towards it, so a binary does not grow without bound.
//
// An explicit GOGC or GOMEMLIMIT in the environment wins: Set and Env
// leave the variable the user set alone.
package testgc

import (
	"os"
	"runtime/debug"
	"testing"
)

// Percent and MemoryLimit are the collector settings of the tests
// (GOGC and GOMEMLIMIT).
const (
	Percent     = 400
	MemoryLimit = 3 << 30 // bytes
)

// Set sets this process's collector to Percent and MemoryLimit, unless
// GOGC or GOMEMLIMIT (each apart) is set in the environment.
func Set() {
	if os.Getenv("GOGC") == "" {
		debug.SetGCPercent(Percent)
	}
	if os.Getenv("GOMEMLIMIT") == "" {
		debug.SetMemoryLimit(MemoryLimit)
	}
}

// Main is the TestMain body of a test binary that needs nothing else:
// os.Exit(testgc.Main(m)).
func Main(m *testing.M) int {
	Set()
	return m.Run()
}

// Env returns the environment variables that give a child process (the
// perfvet command under test) the same settings, leaving out those the
// environment already sets.
func Env() []string {
	var env []string
	if os.Getenv("GOGC") == "" {
		env = append(env, "GOGC=400")
	}
	if os.Getenv("GOMEMLIMIT") == "" {
		env = append(env, "GOMEMLIMIT=3GiB")
	}
	return env
}
