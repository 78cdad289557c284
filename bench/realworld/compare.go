package main

import (
	"errors"
	"flag"
	"fmt"
	"os"
	"path/filepath"
	"sort"
	"strings"
)

// cmdCompare prints two runs side by side: per service and analyzer the
// counts before → after, the time ratio, and (with -list) the findings
// that appeared or disappeared.
func cmdCompare(args []string) error {
	fs := flag.NewFlagSet("compare", flag.ExitOnError)
	var c common
	c.bind(fs)
	list := fs.Int("list", 20, "list at most this many appeared/disappeared findings per service (0: none)")
	if err := fs.Parse(args); err != nil {
		return err
	}
	if fs.NArg() != 2 {
		return errors.New("want two output directories: BEFORE AFTER")
	}
	before, after := fs.Arg(0), fs.Arg(1)
	services, err := readTable(c.services, "name", "repo", "commit", "moddir")
	if err != nil {
		return err
	}
	rb, colsB, err := loadRows(before, services)
	if err != nil {
		return err
	}
	ra, colsA, err := loadRows(after, services)
	if err != nil {
		return err
	}
	cols := colsB
	for _, a := range colsA {
		if !contains(cols, a) {
			cols = append(cols, a)
		}
	}
	byName := map[string]row{}
	for _, r := range ra {
		byName[r.Name] = r
	}
	w := os.Stdout
	fmt.Fprintf(w, "| service | lines | %s | total | per 1k | seconds | exit |\n", strings.Join(cols, " | "))
	fmt.Fprintf(w, "|---|--:|%s--:|--:|--:|--:|\n", strings.Repeat("--:|", len(cols)))
	var per1kB, per1kA []float64
	sumB, sumA := map[string]int{}, map[string]int{}
	var secB, secA float64
	totB, totA, lines := 0, 0, 0
	for _, b := range rb {
		a, ok := byName[b.Name]
		if !ok {
			continue
		}
		var cells []string
		for _, an := range cols {
			cells = append(cells, arrow(b.byAnalyzer[an], a.byAnalyzer[an]))
			sumB[an] += b.byAnalyzer[an]
			sumA[an] += a.byAnalyzer[an]
		}
		fmt.Fprintf(w, "| %s | %d | %s | %s | %.2f → %.2f | %.0f → %.0f | %d → %d |\n",
			b.Name, b.Lines, strings.Join(cells, " | "), arrow(b.total, a.total),
			b.per1k(), a.per1k(), b.Seconds, a.Seconds, b.Exit, a.Exit)
		per1kB, per1kA = append(per1kB, b.per1k()), append(per1kA, a.per1k())
		secB, secA = secB+b.Seconds, secA+a.Seconds
		totB, totA, lines = totB+b.total, totA+a.total, lines+b.Lines
	}
	var cells []string
	for _, an := range cols {
		cells = append(cells, arrow(sumB[an], sumA[an]))
	}
	fmt.Fprintf(w, "| **all** | %d | %s | %s | | %.0f → %.0f | |\n", lines, strings.Join(cells, " | "), arrow(totB, totA), secB, secA)
	sort.Float64s(per1kB)
	sort.Float64s(per1kA)
	fmt.Fprintf(w, "\nmedian findings per 1,000 lines: %.2f → %.2f\n", median(per1kB), median(per1kA))
	if secB > 0 {
		fmt.Fprintf(w, "total time: %.0fs → %.0fs (%+.0f%%)\n", secB, secA, (secA/secB-1)*100)
	}
	if *list == 0 {
		return nil
	}
	for _, b := range rb {
		a, ok := byName[b.Name]
		if !ok {
			continue
		}
		fb, err := readResult(filepath.Join(before, b.Name+".json"))
		if err != nil {
			return err
		}
		fa, err := readResult(filepath.Join(after, a.Name+".json"))
		if err != nil {
			return err
		}
		gone, came := diffKeys(b.Dir, fb, a.Dir, fa)
		if len(gone)+len(came) == 0 {
			continue
		}
		fmt.Fprintf(w, "\n## %s: %d gone, %d new\n", b.Name, len(gone), len(came))
		printSome(w, "-", gone, *list)
		printSome(w, "+", came, *list)
	}
	return nil
}

func arrow(b, a int) string {
	if b == a {
		return fmt.Sprint(b)
	}
	return fmt.Sprintf("%d → %d", b, a)
}

// diffKeys returns the findings (as keys with their message) only in
// before and only in after; a key repeated n times counts n times.
func diffKeys(rootB string, b *result, rootA string, a *result) (gone, came []string) {
	count := map[string]int{}
	msg := map[string]string{}
	for _, f := range b.findings {
		k := f.key(rootB)
		count[k]++
		msg[k] = f.Message
	}
	for _, f := range a.findings {
		k := f.key(rootA)
		count[k]--
		msg[k] = f.Message
	}
	for k, n := range count {
		for ; n > 0; n-- {
			gone = append(gone, k+": "+msg[k])
		}
		for ; n < 0; n++ {
			came = append(came, k+": "+msg[k])
		}
	}
	sort.Strings(gone)
	sort.Strings(came)
	return gone, came
}

func printSome(w *os.File, sign string, xs []string, n int) {
	for i, x := range xs {
		if i == n {
			fmt.Fprintf(w, "%s (and %d more)\n", sign, len(xs)-n)
			return
		}
		if len(x) > 300 {
			x = x[:300] + "…"
		}
		fmt.Fprintf(w, "%s %s\n", sign, x)
	}
}
