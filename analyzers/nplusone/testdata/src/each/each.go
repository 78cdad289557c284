// Package each has generic helpers that call a function per element, as
// samber/lo does. It imports no database: its facts say which function
// parameters it calls.
package each

// ForEach calls f once per element.
func ForEach[T any](xs []T, f func(T)) { // want ForEach:`roundtrips\(calls \[1\]; per element \[1\]\)`
	for _, x := range xs {
		f(x)
	}
}

// Map calls f once per element, through an index.
func Map[T, R any](xs []T, f func(T, int) R) []R { // want Map:`roundtrips\(calls \[1\]; per element \[1\]\)`
	out := make([]R, len(xs))
	for i := range xs {
		out[i] = f(xs[i], i)
	}
	return out
}

// Try calls f once.
func Try(f func() error) error { // want Try:`roundtrips\(calls \[0\]\)`
	return f()
}

// Register keeps f for later: it does not call it.
func Register(name string, f func()) { handlers[name] = f }

var handlers = map[string]func(){}
