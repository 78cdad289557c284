package main

import (
	"bufio"
	"bytes"
	"context"
	"errors"
	"fmt"
	"io"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"strings"
)

// gitDir finds the bare git directory of repo ("owner/name") under mirror:
// mirror/owner+name/repo (what the fetch tool brings), mirror/owner+name,
// mirror/owner/name.git or mirror/name.git.
func gitDir(mirror, repo string) (string, error) {
	owner, name, _ := strings.Cut(repo, "/")
	for _, c := range []string{
		filepath.Join(mirror, owner+"+"+name, "repo"),
		filepath.Join(mirror, owner+"+"+name),
		filepath.Join(mirror, owner, name+".git"),
		filepath.Join(mirror, name+".git"),
	} {
		if _, err := os.Stat(filepath.Join(c, "HEAD")); err == nil {
			return c, nil
		}
	}
	return "", fmt.Errorf("no git directory of %s under %s", repo, mirror)
}

// extract writes the tree of commit into dest (which must not exist).
// Blobs the mirror lacks (snapshots leave out files of 4 MiB and more)
// become empty files, listed in dest/.missing-blobs, so that go:embed
// patterns still match.
func extract(gitdir, commit, dest string) error {
	ctx := context.Background()
	ls, err := exec.CommandContext(ctx, "git", "--git-dir", gitdir, "ls-tree", "-r", "-z", commit).Output()
	if err != nil {
		return fmt.Errorf("git ls-tree %s: %w", commit, err)
	}
	type entry struct{ mode, sha, path string }
	var entries []entry
	for rec := range bytes.SplitSeq(ls, []byte{0}) {
		if len(rec) == 0 {
			continue
		}
		meta, path, ok := bytes.Cut(rec, []byte{'\t'})
		f := strings.Fields(string(meta))
		if !ok || len(f) != 3 || f[1] != "blob" {
			continue
		}
		entries = append(entries, entry{f[0], f[2], string(path)})
	}
	tmp := dest + ".tmp"
	if err := os.RemoveAll(tmp); err != nil {
		return err
	}
	cmd := exec.CommandContext(ctx, "git", "--git-dir", gitdir, "cat-file", "--batch")
	in, err := cmd.StdinPipe()
	if err != nil {
		return err
	}
	outp, err := cmd.StdoutPipe()
	if err != nil {
		return err
	}
	if err := cmd.Start(); err != nil {
		return err
	}
	waited := false
	defer func() {
		if !waited {
			// Leaving early on an error: that error is the one
			// returned, so the ones of closing and waiting are not.
			_ = in.Close()
			_ = cmd.Wait()
		}
	}()
	r := bufio.NewReader(outp)
	var missing []string
	for _, e := range entries {
		if _, err := fmt.Fprintln(in, e.sha); err != nil {
			return err
		}
		header, err := r.ReadString('\n')
		if err != nil {
			return err
		}
		h := strings.Fields(header)
		var data []byte
		if len(h) == 3 && h[1] == "blob" {
			n, err := strconv.Atoi(h[2])
			if err != nil {
				return fmt.Errorf("cat-file: %q", header)
			}
			data = make([]byte, n+1)
			if _, err := io.ReadFull(r, data); err != nil {
				return err
			}
			data = data[:n]
		} else {
			missing = append(missing, e.path)
		}
		full := filepath.Join(tmp, filepath.FromSlash(e.path))
		if err := os.MkdirAll(filepath.Dir(full), 0o755); err != nil {
			return err
		}
		switch e.mode {
		case "120000":
			err = os.Symlink(string(data), full)
		case "100755":
			err = os.WriteFile(full, data, 0o755)
		default:
			err = os.WriteFile(full, data, 0o644)
		}
		if err != nil {
			return err
		}
	}
	waited = true
	if err := errors.Join(in.Close(), cmd.Wait()); err != nil {
		return fmt.Errorf("git cat-file: %w", err)
	}
	list := strings.Join(missing, "\n")
	if list != "" {
		list += "\n"
	}
	if err := os.WriteFile(filepath.Join(tmp, ".missing-blobs"), []byte(list), 0o644); err != nil {
		return err
	}
	if err := os.WriteFile(filepath.Join(tmp, ".commit"), []byte(commit+"\n"), 0o644); err != nil {
		return err
	}
	return os.Rename(tmp, dest)
}
