package main

import (
	"bytes"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// TestExecutableID: a binary the go command linked (this test's) is known
// by its Go build ID, read from the ELF note or the string other formats
// carry; a file without one, or with an ID that is not the go command's
// four hashes (-ldflags=-buildid=redacted), by the hash of its content,
// which tells two such files apart.
func TestExecutableID(t *testing.T) {
	exe, err := os.Executable()
	if err != nil {
		t.Fatal(err)
	}
	id, err := executableID(exe)
	if err != nil {
		t.Fatal(err)
	}
	if !bytes.HasPrefix(id, []byte("go build id ")) || strings.Count(string(id), "/") != 3 {
		t.Errorf("executableID(test binary) = %q, want its Go build ID", id)
	}

	dir := t.TempDir()
	write := func(name, content string) string {
		path := filepath.Join(dir, name)
		if err := os.WriteFile(path, []byte(content), 0o666); err != nil {
			t.Fatal(err)
		}
		return path
	}
	const full = "s55dWohJg81_B-YMoKln/Dwh6qpo1__ND19Ak4H1O/IfUXlhop1gccRMzCgGqq/XE6JysvYeHeeO3t0GfkQ"
	for _, tc := range []struct {
		name, content, want string
	}{
		{"macho", "\xcf\xfa\xed\xfe junk \xff Go build ID: \"" + full + "\"\n \xff more", "go build id " + full},
		{"redacted", "junk \xff Go build ID: \"redacted\"\n \xff", "sha256 "},
		{"short", "junk \xff Go build ID: \"a/b/c/d\"\n \xff", "sha256 "},
		{"none", "#!/bin/sh\necho perfvet\n", "sha256 "},
	} {
		got, err := executableID(write(tc.name, tc.content))
		if err != nil {
			t.Fatal(err)
		}
		if tc.want == "sha256 " {
			if !bytes.HasPrefix(got, []byte(tc.want)) || len(got) != len(tc.want)+32 {
				t.Errorf("%s: executableID = %q, want the file's hash", tc.name, got)
			}
			continue
		}
		if string(got) != tc.want {
			t.Errorf("%s: executableID = %q, want %q", tc.name, got, tc.want)
		}
	}
	a, _ := executableID(write("a", "#!/bin/sh\necho a\n"))
	b, _ := executableID(write("b", "#!/bin/sh\necho b\n"))
	if bytes.Equal(a, b) {
		t.Errorf("two files without a build ID share the ID %q", a)
	}
}
