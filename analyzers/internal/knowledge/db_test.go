package knowledge

import (
	"go/types"
	"testing"
)

func TestMatchFuncPattern(t *testing.T) {
	for _, tt := range []struct {
		pattern, name string
		want          bool
	}{
		{"(*example.com/legacy.Client).Fetch*", "(*example.com/legacy.Client).FetchUser", true},
		{"(*example.com/legacy.Client).Fetch*", "(example.com/legacy.Client).FetchUser", true},
		{"(example.com/legacy.Client).Fetch*", "(*example.com/legacy.Client).FetchAll", true},
		{"(*example.com/legacy.Client).Fetch*", "(*example.com/legacy.Client).Name", false},
		{"(*example.com/legacy.Client).Fetch*", "(*example.com/legacy.ClientX).FetchUser", false},
		{"example.com/legacy.Load", "example.com/legacy.Load", true},
		{"example.com/legacy.Load", "example.com/legacy.LoadAll", false},
		{"example.com/legacy.*", "example.com/legacy.LoadAll", true},
		{"(example.com/svc.Store).Get*", "(example.com/svc.Store).GetUser", true},
	} {
		if got := MatchFuncPattern(tt.pattern, tt.name); got != tt.want {
			t.Errorf("MatchFuncPattern(%q, %q) = %v, want %v", tt.pattern, tt.name, got, tt.want)
		}
	}
}

func TestPatternPackage(t *testing.T) {
	for pattern, want := range map[string]string{
		"(*example.com/legacy.Client).Fetch*": "example.com/legacy",
		"example.com/legacy.Load*":            "example.com/legacy",
		"(example.com/svc.Store).Get":         "example.com/svc",
		"example.com/*.Load":                  "",
	} {
		if got := PatternPackage(pattern); got != want {
			t.Errorf("PatternPackage(%q) = %q, want %q", pattern, got, want)
		}
	}
}

func TestIsDescribed(t *testing.T) {
	for path, want := range map[string]bool{
		"database/sql":                          true,
		"database/sql/driver":                   true,
		"gorm.io/gorm":                          true,
		"gorm.io/driver/postgres":               true,
		"github.com/uptrace/bun":                true,
		"github.com/uptrace/bun/dialect/pgdial": true,
		"github.com/uptrace/bunrouter":          false,
		"github.com/jackc/pgx/v5/pgxpool":       true,
		"entgo.io/ent/dialect/sql":              true,
		"entgo.io/entx":                         false,
		"example.com/shop/ent":                  false,
		"github.com/redis/go-redis/v9":          true,
		"github.com/go-gorp/gorp/v3":            true,
		"github.com/go-gorp/gorpx":              false,
	} {
		if got := IsDescribed(path); got != want {
			t.Errorf("IsDescribed(%q) = %v, want %v", path, got, want)
		}
	}
}

// newMethod declares a method on a named type of a package.
func newMethod(pkg *types.Package, recv types.Type, name string, results ...*types.Var) *types.Func {
	sig := types.NewSignatureType(types.NewVar(0, pkg, "r", recv), nil, nil, nil, types.NewTuple(results...), false)
	return types.NewFunc(0, pkg, name, sig)
}

func TestLookupRedis(t *testing.T) {
	pkg := types.NewPackage(Redis9, "redis")
	named := func(name string, u types.Type) *types.Named {
		return types.NewNamed(types.NewTypeName(0, pkg, name, nil), u, nil)
	}
	stringCmd := named("StringCmd", types.NewStruct(nil, nil))
	cmdable := named("cmdable", types.NewSignatureType(nil, nil, nil, nil, nil, false))
	client := named("Client", types.NewStruct(nil, nil))
	pipeline := named("Pipeline", types.NewStruct(nil, nil))
	result := types.NewVar(0, pkg, "", types.NewPointer(stringCmd))
	get := newMethod(pkg, cmdable, "Get", result)
	set := newMethod(pkg, cmdable, "Set", result)
	ttl := newMethod(pkg, cmdable, "ExpireTime", result)
	closeErr := newMethod(pkg, types.NewPointer(client), "Close", types.NewVar(0, nil, "", types.Universe.Lookup("error").Type()))

	if rt, ok := LookupRoundTrip(get, types.NewPointer(client)); !ok || rt.Kind != Read || rt.Lib != LibRedis {
		t.Errorf("Get on *Client: %+v %v, want a Redis read", rt, ok)
	}
	if rt, ok := LookupRoundTrip(set, types.NewPointer(client)); !ok || rt.Kind != Write {
		t.Errorf("Set on *Client: %+v %v, want a Redis write", rt, ok)
	}
	if rt, ok := LookupRoundTrip(ttl, nil); !ok || rt.Kind != Read {
		t.Errorf("ExpireTime: %+v %v, want a read", rt, ok)
	}
	if _, ok := LookupRoundTrip(get, types.NewPointer(pipeline)); ok {
		t.Errorf("Get on *Pipeline is queued, not a round trip")
	}
	if _, ok := LookupRoundTrip(closeErr, nil); ok {
		t.Errorf("Close is not a command")
	}
}

func TestSQLArg(t *testing.T) {
	pkg := types.NewPackage(SQL, "sql")
	db := types.NewNamed(types.NewTypeName(0, pkg, "DB", nil), types.NewStruct(nil, nil), nil)
	ctx := types.NewVar(0, pkg, "ctx", types.NewInterfaceType(nil, nil))
	query := types.NewVar(0, pkg, "query", types.Typ[types.String])
	sig := types.NewSignatureType(types.NewVar(0, pkg, "db", types.NewPointer(db)), nil, nil, types.NewTuple(ctx, query), nil, false)
	fn := types.NewFunc(0, pkg, "QueryContext", sig)
	rt, ok := LookupRoundTrip(fn, nil)
	if !ok || !rt.SQL || rt.Lib != LibSQL {
		t.Fatalf("QueryContext: %+v %v", rt, ok)
	}
	if i := rt.SQLArg(fn); i != 1 {
		t.Errorf("SQLArg = %d, want 1", i)
	}
}
