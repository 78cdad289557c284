package knowledge

// This file describes iteration that is not written as a loop in the
// caller's code: library functions that call a function argument once per
// element, or start it in a goroutine, and the iterator methods a for
// loop's condition may call; and the calls that wait for goroutines. The
// standard library's functions are here rather than in facts because
// per-package drivers (Bazel's nogo) compute no facts for it. nplusone
// reads it to find loops over data; budget to cost callbacks and
// concurrent work.

// A Callback says how a function calls one of its function arguments.
type Callback struct {
	// Func is the index, among the call's arguments (a method's receiver
	// not counted), of the function argument.
	Func int
	// Coll is the index of the argument that holds the collection it
	// iterates, Receiver for the receiver, or None.
	Coll int
	// PerElement: it calls the function once per element of Coll (or, for
	// sorting, more). Otherwise it calls it once per call. (sync.Once's Do,
	// which calls it at most once in all, is deliberately absent.)
	PerElement bool
	// Goroutine: it calls the function in a new goroutine.
	Goroutine bool
	// ResultSet: Coll is a database result set, open while the function
	// runs (pgx.ForEachRow): a query there takes a second connection.
	ResultSet bool
}

// Special values of Callback.Coll.
const (
	Receiver = -1
	None     = -2
)

// Callbacks maps types.Func.FullName to how the function calls its
// function argument.
var Callbacks = map[string]Callback{
	"slices.ContainsFunc":                       {Func: 1, Coll: 0, PerElement: true},
	"slices.IndexFunc":                          {Func: 1, Coll: 0, PerElement: true},
	"slices.DeleteFunc":                         {Func: 1, Coll: 0, PerElement: true},
	"slices.CompactFunc":                        {Func: 1, Coll: 0, PerElement: true},
	"slices.EqualFunc":                          {Func: 2, Coll: 0, PerElement: true},
	"slices.CompareFunc":                        {Func: 2, Coll: 0, PerElement: true},
	"slices.SortFunc":                           {Func: 1, Coll: 0, PerElement: true},
	"slices.SortStableFunc":                     {Func: 1, Coll: 0, PerElement: true},
	"slices.IsSortedFunc":                       {Func: 1, Coll: 0, PerElement: true},
	"slices.MinFunc":                            {Func: 1, Coll: 0, PerElement: true},
	"slices.MaxFunc":                            {Func: 1, Coll: 0, PerElement: true},
	"maps.DeleteFunc":                           {Func: 1, Coll: 0, PerElement: true},
	"maps.EqualFunc":                            {Func: 2, Coll: 0, PerElement: true},
	"sort.Slice":                                {Func: 1, Coll: 0, PerElement: true},
	"sort.SliceStable":                          {Func: 1, Coll: 0, PerElement: true},
	"sort.SliceIsSorted":                        {Func: 1, Coll: 0, PerElement: true},
	"(*sync.Map).Range":                         {Func: 0, Coll: Receiver, PerElement: true},
	"path/filepath.Walk":                        {Func: 1, Coll: 0, PerElement: true},
	"path/filepath.WalkDir":                     {Func: 1, Coll: 0, PerElement: true},
	"io/fs.WalkDir":                             {Func: 2, Coll: 1, PerElement: true},
	"(*sync.WaitGroup).Go":                      {Func: 0, Coll: None, Goroutine: true},
	"(*golang.org/x/sync/errgroup.Group).Go":    {Func: 0, Coll: None, Goroutine: true},
	"(*golang.org/x/sync/errgroup.Group).TryGo": {Func: 0, Coll: None, Goroutine: true},
	"github.com/jackc/pgx/v5.ForEachRow":        {Func: 2, Coll: 0, PerElement: true, ResultSet: true},
}

// Iterators are the methods that a for loop's condition calls to advance
// over data (for scanner.Scan() {...}), besides database result sets
// (ResultSetNext), with what one step yields.
var Iterators = map[string]string{
	"(*bufio.Scanner).Scan":                               "line",
	"(*encoding/json.Decoder).More":                       "value",
	"(*github.com/redis/go-redis/v9.ScanIterator).Next":   "key",
	"(*github.com/go-redis/redis/v8.ScanIterator).Next":   "key",
	"(*go.mongodb.org/mongo-driver/mongo.Cursor).Next":    "document",
	"(*go.mongodb.org/mongo-driver/v2/mongo.Cursor).Next": "document",
}

// SeqSources maps the standard library's iterator constructors to the
// index of the argument whose elements they yield: a range over
// slices.Values([]string{"a", "b"}) runs a constant number of times.
var SeqSources = map[string]int{
	"slices.All":      0,
	"slices.Values":   0,
	"slices.Backward": 0,
	"slices.Chunk":    0,
	"maps.All":        0,
	"maps.Keys":       0,
	"maps.Values":     0,
}

// DirEntries are the elements of a directory listing (os.FileInfo and
// os.DirEntry are aliases of them): a collection of them holds the files
// of one directory.
var DirEntries = map[string]bool{
	"io/fs.FileInfo": true,
	"io/fs.DirEntry": true,
}

// GoroutineWaits wait for goroutines.
var GoroutineWaits = map[string]bool{
	"(*sync.WaitGroup).Wait":                        true,
	"(*sync.Cond).Wait":                             true,
	"(*golang.org/x/sync/errgroup.Group).Wait":      true,
	"(*github.com/sourcegraph/conc.WaitGroup).Wait": true,
}
