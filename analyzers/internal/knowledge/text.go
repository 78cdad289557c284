package knowledge

// This file describes text conversions of the standard library: the
// parsers and formatters a number keeps its bound through, the formatting
// calls and text builders that may write a page size into SQL text.
// pagesize reads it.

// Parsers are the calls whose first result is their first argument as a
// number: request input keeps its bound (none) through them.
var Parsers = map[string]bool{
	"strconv.Atoi":      true,
	"strconv.ParseInt":  true,
	"strconv.ParseUint": true,
}

// Formatters are the calls whose result is their value arguments written
// as text, with the index of the first of them (the receiver not
// counted): a page size keeps its bound (none) through them. The last
// argument of a variadic formatter is its operands.
var Formatters = map[string]int{
	"strconv.Itoa":       0,
	"strconv.FormatInt":  0,
	"strconv.FormatUint": 0,
	"fmt.Sprint":         0,
	"fmt.Sprintf":        1,
}

// SQLFormats are the formatting calls whose format (argument index, the
// receiver not counted) may write a page size into SQL text: the operand
// printed right after LIMIT is a page-size sink.
var SQLFormats = map[string]int{
	"fmt.Sprintf": 0,
	"fmt.Fprintf": 1,
	"fmt.Appendf": 1,
}

// BuilderWrites are the methods that append one string to a text being
// built; one that follows the write of "... LIMIT " writes the row count.
var BuilderWrites = map[string]bool{
	"(*strings.Builder).WriteString": true,
	"(*bytes.Buffer).WriteString":    true,
}
