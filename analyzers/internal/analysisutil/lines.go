package analysisutil

import (
	"go/token"
	"path/filepath"
	"strconv"
	"strings"
)

// LineIn returns the start of the line a fact names as "dir/file.go:12"
// (a path suffix and a line) if it is in the file that holds decl, or
// token.NoPos. Facts carry such strings because positions do not cross
// packages; a finding's related information turns them back into a
// position when the file is at hand.
func LineIn(fset *token.FileSet, decl token.Pos, posn string) token.Pos {
	file, lineText, ok := strings.Cut(posn, ":")
	if !ok {
		return token.NoPos
	}
	line, err := strconv.Atoi(lineText)
	tf := fset.File(decl)
	if err != nil || tf == nil || line < 1 || line > tf.LineCount() {
		return token.NoPos
	}
	name := filepath.ToSlash(tf.Name())
	if name != file && !strings.HasSuffix(name, "/"+file) {
		return token.NoPos
	}
	return tf.LineStart(line)
}
