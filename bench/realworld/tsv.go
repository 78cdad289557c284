package main

import (
	"bufio"
	"fmt"
	"os"
	"strings"
)

// table is a tab-separated file with a header line; lines starting with #
// and blank lines are skipped.
type table struct {
	header []string
	rows   []map[string]string
}

func readTable(path string, required ...string) (_ *table, err error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, err
	}
	defer func() {
		if cerr := f.Close(); cerr != nil && err == nil {
			err = cerr
		}
	}()
	t := &table{}
	sc := bufio.NewScanner(f)
	sc.Buffer(make([]byte, 1<<20), 1<<20)
	n := 0
	for sc.Scan() {
		n++
		line := sc.Text()
		if strings.TrimSpace(line) == "" || strings.HasPrefix(line, "#") {
			continue
		}
		fields := strings.Split(line, "\t")
		if t.header == nil {
			t.header = fields
			for _, r := range required {
				if !contains(fields, r) {
					return nil, fmt.Errorf("%s: header has no column %q", path, r)
				}
			}
			continue
		}
		row := map[string]string{}
		for i, h := range t.header {
			if i < len(fields) {
				row[h] = strings.TrimSpace(fields[i])
			}
		}
		for _, r := range required {
			if row[r] == "" {
				return nil, fmt.Errorf("%s:%d: empty %s", path, n, r)
			}
		}
		t.rows = append(t.rows, row)
	}
	if err := sc.Err(); err != nil {
		return nil, err
	}
	if t.header == nil {
		return nil, fmt.Errorf("%s: no header", path)
	}
	return t, nil
}

func contains(xs []string, x string) bool {
	for _, y := range xs {
		if y == x {
			return true
		}
	}
	return false
}
