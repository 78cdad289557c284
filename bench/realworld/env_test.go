package main

import (
	"slices"
	"testing"
)

func TestSplitEnv(t *testing.T) {
	for _, tc := range []struct {
		in, env, pkgs []string
	}{
		{[]string{"./..."}, nil, []string{"./..."}},
		{[]string{"GOEXPERIMENT=jsonv2", "./..."}, []string{"GOEXPERIMENT=jsonv2"}, []string{"./..."}},
		{[]string{"GOFLAGS=-tags=x", "CGO_ENABLED=0", "./cmd/...", "./pkg"}, []string{"GOFLAGS=-tags=x", "CGO_ENABLED=0"}, []string{"./cmd/...", "./pkg"}},
		// Only leading words: a pattern is never taken for an assignment.
		{[]string{"./a", "X=1"}, nil, []string{"./a", "X=1"}},
		{[]string{"example.com/x=y"}, nil, []string{"example.com/x=y"}},
		{[]string{"=v", "./..."}, nil, []string{"=v", "./..."}},
	} {
		env, pkgs := splitEnv(tc.in)
		if !slices.Equal(env, tc.env) || !slices.Equal(pkgs, tc.pkgs) {
			t.Errorf("splitEnv(%q) = %q, %q; want %q, %q", tc.in, env, pkgs, tc.env, tc.pkgs)
		}
	}
}
