package knowledge

import (
	"go/types"
	"strings"
	"unicode"
	"unicode/utf8"
)

// This file describes the calls of HTTP API client libraries (SDKs):
// go-github's services, GitLab's client-go, the Gitea and Forgejo SDKs.
// Each method of such a client sends one request to the API and waits for
// the answer, and says so in its type: it returns the library's response
// type, a struct that embeds *net/http.Response. nplusone reads it: a
// call per element of a list is an N+1 over the API, with the API's
// latency and rate limit instead of a database's.

// LibHTTPAPI is an HTTP API client's call (HTTPAPICall).
const LibHTTPAPI Lib = "httpapi"

// HTTPAPICall returns the round trip of a call of an HTTP API client: a
// function or method (also an interface method, as client-go's
// ProjectsServiceInterface) one of whose results is a pointer to a struct
// declared in its own package that embeds *net/http.Response. Whether it
// reads or writes is told by its name's leading verb, a heuristic: Get,
// List, Search and the like read; any other verb (Create, Delete, Edit,
// Set...) is taken as a write.
func HTTPAPICall(fn *types.Func) (RoundTrip, bool) {
	if fn == nil || fn.Pkg() == nil {
		return RoundTrip{}, false
	}
	sig, ok := fn.Type().(*types.Signature)
	if !ok {
		return RoundTrip{}, false
	}
	for i := range sig.Results().Len() {
		if isAPIResponse(sig.Results().At(i).Type(), fn.Pkg()) {
			kind := Write
			if readsAPI(fn.Name()) {
				kind = Read
			}
			return RoundTrip{Lib: LibHTTPAPI, Kind: kind}, true
		}
	}
	return RoundTrip{}, false
}

// isAPIResponse reports whether t is *R for a struct type R of pkg that
// embeds *net/http.Response.
func isAPIResponse(t types.Type, pkg *types.Package) bool {
	ptr, ok := types.Unalias(t).(*types.Pointer)
	if !ok {
		return false
	}
	named, ok := types.Unalias(ptr.Elem()).(*types.Named)
	if !ok || named.Obj().Pkg() != pkg {
		return false
	}
	st, ok := named.Underlying().(*types.Struct)
	if !ok {
		return false
	}
	for f := range st.Fields() {
		if f.Embedded() && isHTTPResponsePtr(f.Type()) {
			return true
		}
	}
	return false
}

func isHTTPResponsePtr(t types.Type) bool {
	ptr, ok := types.Unalias(t).(*types.Pointer)
	if !ok {
		return false
	}
	named, ok := types.Unalias(ptr.Elem()).(*types.Named)
	return ok && named.Obj().Pkg() != nil && named.Obj().Pkg().Path() == NetHTTP && named.Obj().Name() == "Response"
}

// apiReadVerbs are the leading verbs of the API methods that read.
var apiReadVerbs = []string{"Get", "List", "Search", "Find", "Fetch", "Query", "Is", "Has", "Check", "Compare", "Count", "Download", "Preview", "Show", "Read"}

// readsAPI reports whether a method's name starts with a read verb,
// followed by the end of the name or an upper-case letter (GetFile,
// List; not Issue nor Listen).
func readsAPI(name string) bool {
	for _, v := range apiReadVerbs {
		rest, ok := strings.CutPrefix(name, v)
		if !ok {
			continue
		}
		if r, _ := utf8.DecodeRuneInString(rest); rest == "" || unicode.IsUpper(r) {
			return true
		}
	}
	return false
}
