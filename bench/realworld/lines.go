package main

import (
	"bufio"
	"bytes"
	"io/fs"
	"os"
	"path/filepath"
	"regexp"
	"strings"
)

// generatedRE is the marker of generated Go files (go help generate).
var generatedRE = regexp.MustCompile(`^// Code generated .* DO NOT EDIT\.$`)

// countLines counts the lines of the Go files `go list ./...` would see
// from root, less tests, generated files and vendored code: the files of
// root's module (not nested modules), outside vendor, testdata and
// directories named with a leading "." or "_".
func countLines(root string) (lines, files int, err error) {
	err = filepath.WalkDir(root, func(path string, d fs.DirEntry, err error) error {
		if err != nil {
			return skipUnreadable(d)
		}
		name := d.Name()
		if d.IsDir() {
			if path == root {
				return nil
			}
			if name == "vendor" || name == "testdata" || name == "node_modules" ||
				strings.HasPrefix(name, ".") || strings.HasPrefix(name, "_") {
				return filepath.SkipDir
			}
			if _, err := os.Stat(filepath.Join(path, "go.mod")); err == nil {
				return filepath.SkipDir
			}
			return nil
		}
		if !strings.HasSuffix(name, ".go") || strings.HasSuffix(name, "_test.go") || !d.Type().IsRegular() {
			return nil
		}
		// A file that cannot be read is left out of the count.
		if data, err := os.ReadFile(path); err == nil && !isGenerated(data) {
			files++
			lines += bytes.Count(data, []byte{'\n'})
			if len(data) > 0 && data[len(data)-1] != '\n' {
				lines++
			}
		}
		return nil
	})
	return lines, files, err
}

// skipUnreadable is what countLines does with an entry the walk could not
// read: it is left out of the count (and so is the tree under a directory
// that could not be listed) rather than ending the walk.
func skipUnreadable(d fs.DirEntry) error {
	if d != nil && d.IsDir() {
		return filepath.SkipDir
	}
	return nil
}

// isGenerated reports whether the generated-code marker precedes the
// package clause.
func isGenerated(data []byte) bool {
	sc := bufio.NewScanner(bytes.NewReader(data))
	sc.Buffer(make([]byte, 1<<20), 1<<20)
	for sc.Scan() {
		line := sc.Text()
		if strings.HasPrefix(line, "package ") {
			return false
		}
		if generatedRE.MatchString(line) {
			return true
		}
	}
	return false
}
