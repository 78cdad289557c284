// Command cachebench measures perfvet's result cache against the goals of
// issue 16, in one run and interleaved (each round runs every scenario of
// every target in turn, so that a busy machine slows them alike):
//
//   - off: PERFVET_CACHE=off, the first run as it was before the cache;
//   - cold: an empty cache, which the run fills (the cost of writing);
//   - rerun: nothing changed since the cold run;
//   - leaf: one file of a package nothing imports was edited;
//   - core: a function body of the package every package imports was
//     edited (its facts and exported API unchanged: early cut-off).
//
// It prints the median wall and CPU time (user+system, go list included)
// of each and the ratios to off: on a machine shared with other work, CPU
// time is the steadier of the two. Targets:
// the demo module (testdata/demo) and modules of bench/gen (-sizes).
//
// Usage:
//
//	go run ./bench/cachebench -sizes 400,1600 -runs 3
package main

import (
	"bytes"
	"context"
	"errors"
	"flag"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"time"
)

func main() {
	work := flag.String("work", filepath.Join(os.TempDir(), "perfvet-cachebench"), "working directory: the binary, generated modules, caches")
	sizes := flag.String("sizes", "400,1600", "sizes of the bench/gen modules, comma-separated; empty for none")
	demo := flag.Bool("demo", true, "measure testdata/demo")
	runs := flag.Int("runs", 3, "rounds (the median is printed)")
	flag.Parse()
	if err := run(*work, *sizes, *demo, *runs); err != nil {
		fmt.Fprintln(os.Stderr, "cachebench:", err)
		os.Exit(1)
	}
}

// A target is one module and the files the scenarios edit.
type target struct {
	name string
	dir  string
	leaf string // a file of a package nothing imports
	core string // a file of the package every package imports; "" = none
}

var scenarios = []string{"off", "cold", "rerun", "leaf", "core"}

func run(work, sizes string, demo bool, runs int) error {
	if err := os.MkdirAll(work, 0o755); err != nil {
		return err
	}
	bin := filepath.Join(work, "perfvet")
	if err := command(".", nil, "go", "build", "-o", bin, "./cmd/perfvet"); err != nil {
		return err
	}
	var targets []target
	if demo {
		dir := filepath.Join(work, "demo")
		if err := copyDir("testdata/demo", dir); err != nil {
			return err
		}
		targets = append(targets, target{name: "demo", dir: dir, leaf: filepath.Join(dir, "cmd", "shop", "main.go")})
	}
	for s := range strings.SplitSeq(sizes, ",") {
		if s == "" {
			continue
		}
		if _, err := strconv.Atoi(s); err != nil {
			return fmt.Errorf("-sizes: %w", err)
		}
		dir := filepath.Join(work, "gen"+s)
		if _, err := os.Stat(filepath.Join(dir, "go.mod")); err != nil {
			if err := command(".", nil, "go", "run", "./bench/gen", "-packages", s, "-out", dir); err != nil {
				return err
			}
		}
		t := target{name: "gen" + s, dir: dir, leaf: filepath.Join(dir, "cmd", "server", "main.go"), core: filepath.Join(dir, "internal", "model", "model.go")}
		// A function of the core package, whose body the core scenario edits.
		if err := ensureSuffix(t.core, "\n// Label names the item.\nfunc (it Item) Label() string {\n\treturn it.Name\n}\n"); err != nil {
			return err
		}
		targets = append(targets, t)
	}
	times := make(map[string][]time.Duration)
	cpus := make(map[string][]time.Duration)
	removeOld := func() {
		old, _ := filepath.Glob(filepath.Join(work, "cache-*.old*"))
		for _, d := range old {
			_ = os.RemoveAll(d)
		}
	}
	removeOld() // left by a run that was stopped
	defer removeOld()
	for round := range runs {
		for _, t := range targets {
			cache := filepath.Join(work, "cache-"+t.name)
			for _, sc := range scenarios {
				if sc == "core" && t.core == "" {
					continue
				}
				env := []string{"PERFVET_CACHE=" + cache}
				var undo func() error
				switch sc {
				case "off":
					env = []string{"PERFVET_CACHE=off"}
				case "cold":
					// Moved aside, removed at the end: removing thousands
					// of files right before the run left the kernel work
					// that the run then paid for in system time (up to 2
					// CPU-s on gen1600), which a user's first run does
					// not pay.
					if err := os.Rename(cache, fmt.Sprintf("%s.old%d", cache, round)); err != nil && !errors.Is(err, os.ErrNotExist) {
						return err
					}
				case "leaf":
					u, err := appendFile(t.leaf, fmt.Sprintf("\nfunc benchLeaf%d() {}\n", round))
					if err != nil {
						return err
					}
					undo = u
				case "core":
					u, err := replaceFile(t.core, "return it.Name\n", "return it.Name + \"\"\n")
					if err != nil {
						return err
					}
					undo = u
				}
				d, cpu, err := timed(t.dir, env, bin)
				if undo != nil {
					if uerr := undo(); uerr != nil {
						return uerr
					}
				}
				if err != nil {
					return fmt.Errorf("%s %s: %w", t.name, sc, err)
				}
				times[t.name+"/"+sc] = append(times[t.name+"/"+sc], d)
				cpus[t.name+"/"+sc] = append(cpus[t.name+"/"+sc], cpu)
				fmt.Fprintf(os.Stderr, "round %d %s %s: %v, cpu %v (load %s)\n", round+1, t.name, sc, d.Round(time.Millisecond), cpu.Round(time.Millisecond), loadavg())
			}
			// The edits were undone: the next round's rerun sees the
			// files of the cold run again (and finds them cached).
		}
	}
	for _, m := range []struct {
		what  string
		times map[string][]time.Duration
	}{{"wall", times}, {"cpu", cpus}} {
		fmt.Printf("%-5s %-8s %10s %10s %10s %10s %10s | %8s %8s %8s %8s\n", m.what, "target", "off", "cold", "rerun", "leaf", "core", "cold/off", "rerun/off", "leaf/off", "core/off")
		for _, t := range targets {
			med := func(sc string) time.Duration { return median(m.times[t.name+"/"+sc]) }
			off := med("off")
			ratio := func(sc string) string {
				if len(m.times[t.name+"/"+sc]) == 0 || off == 0 {
					return "-"
				}
				return fmt.Sprintf("%.2f×", float64(med(sc))/float64(off))
			}
			fmt.Printf("%-5s %-8s %10v %10v %10v %10v %10v | %8s %8s %8s %8s\n", m.what, t.name,
				off.Round(time.Millisecond), med("cold").Round(time.Millisecond), med("rerun").Round(time.Millisecond),
				med("leaf").Round(time.Millisecond), med("core").Round(time.Millisecond),
				ratio("cold"), ratio("rerun"), ratio("leaf"), ratio("core"))
		}
	}
	return nil
}

// timed runs perfvet ./... in dir and returns its wall and CPU time; exit
// codes 0 and 1 (findings) are success.
func timed(dir string, env []string, bin string) (time.Duration, time.Duration, error) {
	ctx, cancel := context.WithTimeout(context.Background(), 30*time.Minute)
	defer cancel()
	cmd := exec.CommandContext(ctx, bin, "./...")
	cmd.Dir = dir
	cmd.Env = append(os.Environ(), env...)
	var stderr bytes.Buffer
	cmd.Stderr = &stderr
	start := time.Now()
	err := cmd.Run()
	d := time.Since(start)
	var ee *exec.ExitError
	if err != nil && (!errors.As(err, &ee) || ee.ExitCode() != 1) {
		return 0, 0, fmt.Errorf("%w\n%s", err, stderr.Bytes())
	}
	return d, cmd.ProcessState.UserTime() + cmd.ProcessState.SystemTime(), nil
}

func median(ds []time.Duration) time.Duration {
	if len(ds) == 0 {
		return 0
	}
	s := slices.Clone(ds)
	slices.Sort(s)
	return s[len(s)/2]
}

func loadavg() string {
	b, err := os.ReadFile("/proc/loadavg")
	if err != nil {
		return "?"
	}
	return strings.Join(strings.Fields(string(b))[:1], "")
}

func command(dir string, env []string, name string, args ...string) error {
	cmd := exec.CommandContext(context.Background(), name, args...)
	cmd.Dir = dir
	cmd.Env = append(os.Environ(), env...)
	cmd.Stdout, cmd.Stderr = os.Stderr, os.Stderr
	if err := cmd.Run(); err != nil {
		return fmt.Errorf("%s %s: %w", name, strings.Join(args, " "), err)
	}
	return nil
}

func appendFile(file, text string) (func() error, error) {
	src, err := os.ReadFile(file)
	if err != nil {
		return nil, err
	}
	if err := os.WriteFile(file, append(slices.Clone(src), text...), 0o644); err != nil {
		return nil, err
	}
	return func() error { return os.WriteFile(file, src, 0o644) }, nil
}

func replaceFile(file, old, new string) (func() error, error) {
	src, err := os.ReadFile(file)
	if err != nil {
		return nil, err
	}
	if !bytes.Contains(src, []byte(old)) {
		return nil, fmt.Errorf("%s has no %q", file, old)
	}
	if err := os.WriteFile(file, bytes.Replace(src, []byte(old), []byte(new), 1), 0o644); err != nil {
		return nil, err
	}
	return func() error { return os.WriteFile(file, src, 0o644) }, nil
}

func ensureSuffix(file, suffix string) error {
	src, err := os.ReadFile(file)
	if err != nil {
		return err
	}
	if bytes.HasSuffix(src, []byte(suffix)) {
		return nil
	}
	return os.WriteFile(file, append(src, suffix...), 0o644)
}

func copyDir(src, dst string) error {
	return filepath.WalkDir(src, func(path string, d os.DirEntry, err error) error {
		if err != nil {
			return err
		}
		rel, err := filepath.Rel(src, path)
		if err != nil {
			return err
		}
		if d.IsDir() {
			return os.MkdirAll(filepath.Join(dst, rel), 0o755)
		}
		data, err := os.ReadFile(path)
		if err != nil {
			return err
		}
		return os.WriteFile(filepath.Join(dst, rel), data, 0o644)
	})
}
