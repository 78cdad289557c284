package serverrole

import (
	"go/constant"
	"go/types"
	"testing"

	"golang.org/x/tools/go/ssa"
)

func TestLoopbackAddr(t *testing.T) {
	for addr, want := range map[string]bool{
		"127.0.0.1:8080": true,
		"127.0.0.2:0":    true,
		"localhost:0":    true,
		"LOCALHOST:9000": true,
		"[::1]:6060":     true,
		":8080":          false,
		"0.0.0.0:8080":   false,
		"10.0.0.1:80":    false,
		"example.com:80": false,
		"127.0.0.1":      false, // no port: not an address to listen on
		"":               false,
	} {
		v := ssa.NewConst(constant.MakeString(addr), types.Typ[types.String])
		if got := LoopbackAddr(v); got != want {
			t.Errorf("LoopbackAddr(%q) = %v, want %v", addr, got, want)
		}
	}
	if LoopbackAddr(ssa.NewConst(constant.MakeInt64(80), types.Typ[types.Int])) {
		t.Error("an integer constant is not a loopback address")
	}
}
